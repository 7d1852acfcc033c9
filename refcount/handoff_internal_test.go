package refcount

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAbandonAfterHandOffReleasesTheRef drives, step by step, the branch of
// the cancellation race that a black-box test only hits by chance: the
// reference has been handed to a waiter, and then the waiter, seeing its
// context done, abandons. The waiter owns a counted reference nobody else
// will release; abandon must release it, or the RefCount is held forever.
func TestAbandonAfterHandOffReleasesTheRef(t *testing.T) {
	for _, exclusive := range []bool{false, true} {
		var c RefCount
		x, _ := c.TryAcquireExclusive()

		// Queue a waiter exactly as wait does.
		w := &waiter{exclusive: exclusive, ready: make(chan struct{}, 1)}
		c.mu.Lock()
		require.False(t, c.admit(exclusive, true), "the exclusive reference is held: the waiter must queue")
		c.push(w)
		c.mu.Unlock()

		x.Release()
		require.True(t, w.granted, "Release hands the reference to the waiter at the head (exclusive=%v)", exclusive)
		require.Len(t, w.ready, 1, "the hand-off is signalled on the waiter's channel without blocking")
		require.Nil(t, c.head, "a waiter that was handed the reference has left the queue")

		err := c.abandon(w, context.Canceled)
		require.ErrorIs(t, err, context.Canceled, "the waiter still reports its context's error")
		require.Zero(t, c.state.Load(),
			"abandon must release the reference the hand-off counted for the waiter (exclusive=%v)", exclusive)
	}
}

// TestAbandonBeforeHandOffLeavesTheQueue is the other branch: nothing was
// handed over, so the waiter leaves the queue, and the queue, now empty,
// must reopen the fast paths.
func TestAbandonBeforeHandOffLeavesTheQueue(t *testing.T) {
	var c RefCount
	r, _ := c.TryAcquire()
	w := &waiter{exclusive: true, ready: make(chan struct{}, 1)}
	c.mu.Lock()
	require.False(t, c.admit(true, true), "a Ref is held: the exclusive waiter must queue")
	c.push(w)
	c.mu.Unlock()
	require.Equal(t, waitersBit|1, c.state.Load(), "queued: waitersBit set beside the one Ref")

	require.ErrorIs(t, c.abandon(w, context.Canceled), context.Canceled)
	require.False(t, w.granted, "nothing was handed over")
	require.Nil(t, c.head, "the waiter has left the queue")
	require.Equal(t, uint64(1), c.state.Load(), "the queue is empty: waitersBit cleared, the Ref untouched")
	r.Release()
	require.Empty(t, w.ready, "no later Release may signal a waiter that left")
}
