package rc_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
)

// The pool's own rules, beside its code (pool.go): how many freed headers
// it keeps, which one it hands out next, and the generation that tells a
// header's lives apart.

func TestAPoolOfMaximumSizeZeroIsANullPool(t *testing.T) {
	var p *rc.Pool[int]
	require.NotPanics(t, func() { p = rc.NewPool[int](0, nil) }, "0 is a valid maximum: the null pool")
	r := p.New(1)
	r.Drop()
	assert.Zero(t, p.Size(), "a null pool keeps no freed header")
	p.Fill()
	assert.Zero(t, p.Size(), "Fill on a null pool allocates nothing")
}

func TestAPoolKeepsAtMostMaxSizeHeaders(t *testing.T) {
	p := rc.NewPool[int](2, nil)
	p.Fill()
	require.Equal(t, 2, p.Size(), "Fill tops the pool up to MaxSize, not one more")
	a, b, c := p.New(1), p.New(2), p.New(3)
	require.Zero(t, p.Size(), "three News took both kept headers and allocated the third")
	a.Drop()
	b.Drop()
	c.Drop()
	assert.Equal(t, 2, p.Size(), "of three freed headers the pool keeps MaxSize, and lets the last go")
	assert.Equal(t, 2, p.MaxSize(), "MaxSize is what NewPool was given")
}

func TestEachLifeOfAPooledHeaderHasTheNextGeneration(t *testing.T) {
	p := rc.NewPool[int](1, nil)
	a := p.New(1)
	first := a.Observe()
	a.Drop()
	b := p.New(2)
	defer b.Drop()
	second := b.Observe()
	require.True(t, first.SameHeader(second), "the pool handed the freed header out again")
	assert.Equal(t, uint32(1), first.Gen(), "a pooled header's first life is generation 1 (rc.New's stay at 0)")
	assert.Equal(t, first.Gen()+1, second.Gen(), "each reuse is the next generation, so old handles no longer match (I5)")
	_, ok := first.Value()
	assert.False(t, ok, "an Observer of the earlier life sees no value in the reused header")
	v, ok := second.Value()
	assert.True(t, ok && v == 2, "the Observer of the current life sees its value")
}

// TestAResetHookKeepsTheShortcutAway proves that a pool with a reset hook
// keeps a dropped value's storage for Default, even for a type with no Drop
// method: the one-step last drop (pool.go, dropToPool) would zero it.
func TestAResetHookKeepsTheShortcutAway(t *testing.T) {
	var seen []byte
	p := rc.NewPool(1, func(b *[]byte) { seen = *b; *b = (*b)[:0] })
	r := p.New(append(make([]byte, 0, 64), "abc"...))
	require.False(t, rc.ReturnsAtOnce(&r), "a pool with a reset hook has something to keep: no shortcut")
	r.Drop()
	d := p.Default()
	defer d.Drop()
	assert.Equal(t, "abc", string(seen), "reset sees the storage the dropped value left behind")
	assert.Equal(t, 64, cap(*d.Get()), "and Default's value reuses it")
}
