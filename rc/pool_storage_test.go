package rc_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
)

// A pool with a reset hook keeps a dropped value's storage for Default to
// reuse; a value taken out of the header (TryUnwrap) takes its storage
// along, and the header keeps nothing of it. Both are decided where the
// value's life ends in the header (drop.go, endValue).

func truncateBuffer(b *[]byte) { *b = (*b)[:0] }

func TestADroppedValueLeavesItsStorageForDefault(t *testing.T) {
	p := rc.NewPool(1, truncateBuffer)
	a := p.Default()
	buf, ok := a.GetMut()
	require.True(t, ok, "set-up: a single owner")
	*buf = append(make([]byte, 0, 32), "hello"...)
	array := &(*buf)[:1][0]
	a.Drop()

	b := p.Default()
	defer b.Drop()
	require.Equal(t, 32, cap(*b.Get()), "with a reset hook the dropped value's storage stays in the header")
	assert.Same(t, array, &(*b.Get())[:1][0], "Default reuses the dropped value's backing array")
	assert.Empty(t, *b.Get(), "reset truncated it")
}

func TestAValueTakenOutLeavesNoStorageBehind(t *testing.T) {
	p := rc.NewPool(1, truncateBuffer)
	a := p.New(append(make([]byte, 0, 32), "mine"...))
	v, ok := a.TryUnwrap()
	require.True(t, ok, "set-up: the only strong handle")

	b := p.Default()
	defer b.Drop()
	assert.Zero(t, cap(*b.Get()),
		"the value taken out owns its storage: the reused header must not share it with the next Default")
	*b.Get() = append(*b.Get(), "other"...)
	assert.Equal(t, []byte("mine"), v, "writing the new value leaves the taken-out one alone")
}
