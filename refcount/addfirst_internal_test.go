package refcount

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// Acquire's fast path adds its Ref before it looks at the state. These
// tests put the RefCount, step by step, in each state an add can meet when
// a flag is set, and call acquireSlow as acquireFast would after such an
// add: with r.c set and the Ref already counted.

// addFirst makes the add acquireFast makes, and reports whether it was
// allowed, as acquireFast's comparison does.
func addFirst(c *RefCount, r *Ref) bool {
	r.c = c
	return c.state.Add(1)-1 < sharedMask
}

func TestAnAddThatMeetsAnExclusiveHolderIsTakenBack(t *testing.T) {
	var c RefCount
	x, _ := c.TryAcquireExclusive()
	var r Ref
	require.False(t, addFirst(&c, &r), "an ExclusiveRef is held: the add is not allowed")
	require.Equal(t, exclusiveBit|1, c.state.Load(), "the add is counted beside the exclusive bit")
	require.Zero(t, c.Count(), "Count shows no Ref while an ExclusiveRef is held, the add included")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := c.acquireSlow(ctx, &r)
	require.ErrorIs(t, err, context.Canceled, "the caller must wait and its context is done")
	require.Nil(t, r.c, "nothing is granted")
	require.Equal(t, exclusiveBit, c.state.Load(), "the add is taken back: the state is as if Acquire had never been called")
	x.Release()
	require.Zero(t, c.state.Load(), "the RefCount is free again")
}

func TestAnAddLeftBehindByADepartedHolderIsKept(t *testing.T) {
	var c RefCount
	x, _ := c.TryAcquireExclusive()
	var r Ref
	require.False(t, addFirst(&c, &r), "an ExclusiveRef is held: the add is not allowed")
	x.Release() // between the add and the acquirer's second look
	require.Equal(t, uint64(1), c.state.Load(), "the exclusive holder has left; only the add is counted")

	require.NoError(t, c.acquireSlow(context.Background(), &r), "the state is plain: the counted Ref is granted")
	require.Equal(t, &c, r.c, "the Ref is filled in")
	require.Equal(t, 1, c.Count(), "one Ref, the one the add counted: nothing was added twice")
	r.Release()
	require.Zero(t, c.state.Load(), "released, the RefCount is free again")
}

// TestTakingBackTheLastAddHandsOn is the lost wake-up the taking back must
// not cause: an exclusive waiter queued while only the add was counted
// waits for the count to reach 0, and the add's taking back is what
// brings it there.
func TestTakingBackTheLastAddHandsOn(t *testing.T) {
	var c RefCount
	x, _ := c.TryAcquireExclusive()
	var r Ref
	require.False(t, addFirst(&c, &r), "an ExclusiveRef is held: the add is not allowed")
	x.Release()

	w := &waiter{exclusive: true, ready: make(chan struct{}, 1)}
	c.mu.Lock()
	require.False(t, c.admit(true, true), "the add is counted: the exclusive waiter must queue")
	c.push(w)
	c.mu.Unlock()
	require.Equal(t, waitersBit|1, c.state.Load(), "queued behind the add")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	require.ErrorIs(t, c.acquireSlow(ctx, &r), context.Canceled,
		"someone is queued: the add is taken back and the acquirer, whose context is done, gives up")
	require.True(t, w.granted, "the taking back brought the count to 0: the exclusive waiter is handed the reference")
	require.Equal(t, exclusiveBit, c.state.Load(), "the waiter holds the exclusive reference, and nobody is queued")
	e := ExclusiveRef{c: &c}
	e.Release()
	require.Zero(t, c.state.Load(), "released, the RefCount is free again")
}

// TestAnAddBesideRefsAndAQueuedWriterLeavesTheHandOffToTheLastRef: with
// Refs still held, taking the add back hands nothing on; the last Release
// does.
func TestAnAddBesideRefsAndAQueuedWriterLeavesTheHandOffToTheLastRef(t *testing.T) {
	var c RefCount
	held, _ := c.TryAcquire()
	w := &waiter{exclusive: true, ready: make(chan struct{}, 1)}
	c.mu.Lock()
	require.False(t, c.admit(true, true), "a Ref is held: the exclusive waiter must queue")
	c.push(w)
	c.mu.Unlock()

	var r Ref
	require.False(t, addFirst(&c, &r), "someone is queued: the add is not allowed")
	require.Equal(t, 2, c.Count(), "for an instant Count includes the add: the case the package documentation names")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	require.ErrorIs(t, c.acquireSlow(ctx, &r), context.Canceled)
	require.False(t, w.granted, "a Ref is still held: the writer keeps waiting")
	require.Equal(t, waitersBit|1, c.state.Load(), "the add is taken back, the held Ref and the queue are untouched")

	held.Release()
	require.True(t, w.granted, "the last Release hands the reference to the writer")
	e := ExclusiveRef{c: &c}
	e.Release()
	require.Zero(t, c.state.Load(), "released, the RefCount is free again")
}
