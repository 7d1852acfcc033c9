package arc_test

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/arc"
	"github.com/rcbook/rcbook/rc"
)

func TestRawTokensCarryStrongUnits(t *testing.T) {
	before := arc.LiveAllocations()
	a := arc.New("v")
	keep := a.Clone()
	tok := a.IntoRaw()
	require.NotZero(t, tok, "a token is never 0")
	assert.Zero(t, uintptr(tok)&1, "arc's tokens are even, so rc can tell them apart")
	assert.Equal(t, 2, keep.StrongCount(), "the token's unit still counts")
	arc.IncrementStrongCount[string](tok)
	assert.Equal(t, 3, keep.StrongCount(), "IncrementStrongCount adds a unit")
	assert.Equal(t, 2, arc.RawUnits(tok), "to the token")
	back := arc.FromRaw[string](tok)
	assert.Equal(t, "v", *back.Get(), "FromRaw gives a handle to the same value")
	arc.DecrementStrongCount[string](tok)
	assert.Equal(t, 2, keep.StrongCount(), "DecrementStrongCount dropped one unit")
	assert.Zero(t, arc.LiveTokens(), "every unit is out: the token is used up")
	require.PanicsWithError(t, fmt.Sprintf("arc: FromRaw: token %#x is used up: FromRaw and DecrementStrongCount already took every unit that IntoRaw and IncrementStrongCount put in (I1)", uintptr(tok)),
		func() { x := arc.FromRaw[string](tok); x.Drop() }, "a used-up token is refused, naming I1")
	assert.Equal(t, 2, keep.StrongCount(), "the refusal changed no count")
	back.Drop()
	keep.Drop()
	require.Equal(t, before, arc.LiveAllocations(), "nothing leaks")
}

func TestTokensOfOnePackageAreRefusedByTheOther(t *testing.T) {
	r := rc.New(1)
	rt := r.IntoRaw()
	require.PanicsWithError(t, fmt.Sprintf("arc: FromRaw: token %#x was not issued by package arc", uintptr(rt)),
		func() { x := arc.FromRaw[int](arc.Token(rt)); x.Drop() }, "an rc token is not arc's")
	a := arc.New(1)
	at := a.IntoRaw()
	require.PanicsWithError(t, fmt.Sprintf("rc: DecrementStrongCount: token %#x was not issued by package rc", uintptr(at)),
		func() { rc.DecrementStrongCount[int](rc.Token(at)) }, "an arc token is not rc's")
	rc.DecrementStrongCount[int](rt)
	arc.DecrementStrongCount[int](at)
}

// C may call back on many threads at once: goroutines count a token up and
// down while the last Go handle is dropped. The value must live until the
// last unit goes, and drop exactly once.
func TestConcurrentRawCountsNeverDropEarly(t *testing.T) {
	before := arc.LiveAllocations()
	var drops atomic.Int32
	var live atomic.Bool
	live.Store(true)
	a := arc.NewWithCleanup(&live, func(l *atomic.Bool) { l.Store(false); drops.Add(1) })
	c := a.Clone()
	tok := c.IntoRaw()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				arc.IncrementStrongCount[*atomic.Bool](tok)
				h := arc.FromRaw[*atomic.Bool](tok)
				assert.True(t, (*h.Get()).Load(), "a handle from a token sees a live value")
				h.Drop()
			}
		})
	}
	wg.Go(func() { a.Drop() })
	wg.Wait()
	require.Zero(t, drops.Load(), "the token still carries its unit: the value lives")
	require.Equal(t, 1, arc.RawUnits(tok), "every goroutine took out exactly what it put in")
	arc.DecrementStrongCount[*atomic.Bool](tok)
	require.Equal(t, int32(1), drops.Load(), "the last unit's drop dropped the value, once")
	require.Equal(t, before, arc.LiveAllocations(), "nothing leaks (I5)")
}
