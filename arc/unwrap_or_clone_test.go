package arc_test

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/arc"
)

func TestUnwrapOrCloneTakesOrCopies(t *testing.T) {
	before := arc.LiveAllocations()
	a := arc.New([]int{1})
	b := a.Clone()
	copies := 0
	clone := func(s []int) []int { copies++; return append(append([]int(nil), s...), 0) }
	assert.Equal(t, []int{1, 0}, a.UnwrapOrClone(clone), "a shared value is copied")
	assert.Equal(t, 1, b.StrongCount(), "a's share was dropped")
	assert.Equal(t, []int{1}, b.UnwrapOrClone(clone), "the only owner takes the original")
	assert.Equal(t, 1, copies, "only the shared case copies")
	assert.True(t, a.IsEmpty() && b.IsEmpty(), "UnwrapOrClone consumes the handle either way")
	require.Equal(t, before, arc.LiveAllocations(), "taking the value out freed the allocation (I5)")
	c := arc.New(1)
	require.PanicsWithError(t, "arc: UnwrapOrClone: nil clone function", func() { c.UnwrapOrClone(nil) },
		"a nil clone function is refused")
	c.Drop()
}

// Owners on many goroutines each call UnwrapOrClone: at most one takes the
// original, every other gets a copy, and if none took it (the last one
// found others still there when it looked) the original is dropped once.
func TestConcurrentUnwrapOrCloneHandsOutTheOriginalAtMostOnce(t *testing.T) {
	before := arc.LiveAllocations()
	const owners = 8
	var drops, copies, originals atomic.Int32
	first := arc.NewWithCleanup(0, func(int) { drops.Add(1) })
	handles := make([]arc.Arc[int], owners)
	handles[0] = first.Move()
	for i := 1; i < owners; i++ {
		handles[i] = handles[0].Clone()
	}
	var wg sync.WaitGroup
	for i := range handles {
		wg.Go(func() {
			v := handles[i].UnwrapOrClone(func(int) int { copies.Add(1); return 1 })
			if v == 0 {
				originals.Add(1)
			}
		})
	}
	wg.Wait()
	require.LessOrEqual(t, originals.Load(), int32(1), "the original goes to one owner at most")
	require.Equal(t, int32(owners), originals.Load()+copies.Load(), "every owner gets the original or a copy")
	require.Equal(t, 1-originals.Load(), drops.Load(), "if nobody took the original, its last owner dropped it, once")
	require.Equal(t, before, arc.LiveAllocations(), "nothing leaks (I5)")
}
