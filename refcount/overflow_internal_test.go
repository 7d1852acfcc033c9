package refcount

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// The shared count has 62 bits: no test can hold 2^62 Refs, so these tests
// store a count at the edge of its range. The guards matter because the
// count sits just below the flag bits: one increment past sharedMask would
// carry into waitersBit, and the state would claim a queue with no Ref
// held. A refused acquire or release must leave the state word exactly as
// it found it.

// refuses runs f, which must panic with the *Error whose message is msg.
func refuses(t *testing.T, msg string, f func(), why string) {
	t.Helper()
	defer func() {
		t.Helper()
		err, ok := recover().(*Error)
		require.True(t, ok, "%s: the misuse must panic with a *refcount.Error", why)
		require.Equal(t, msg, err.Error(), why)
	}()
	f()
}

func TestTheLargestSharedCountIsValidAndTheNextIsRefused(t *testing.T) {
	var c RefCount
	c.state.Store(sharedMask - 1)
	r, ok := c.TryAcquire()
	require.True(t, ok, "sharedMask itself is a valid count: the Ref that reaches it is granted")
	require.Equal(t, sharedMask, c.state.Load(), "the count is full, and no flag is set")

	refuses(t, "refcount: TryAcquire: shared count overflow", func() { c.TryAcquire() },
		"one more Ref would carry into waitersBit")
	require.Equal(t, sharedMask, c.state.Load(), "a refused TryAcquire changes nothing")

	refuses(t, "refcount: Acquire: shared count overflow", func() { _, _ = c.Acquire(context.Background()) },
		"Acquire refuses a full count rather than wait: no release is promised")
	require.Equal(t, sharedMask, c.state.Load(), "a refused Acquire changes nothing")
	require.Nil(t, c.head, "a refused Acquire does not queue")
	require.True(t, c.mu.TryLock(), "a refused Acquire gives back the lock its slow path took, or every later waiter deadlocks")
	c.mu.Unlock()

	r.Release()
	require.Equal(t, sharedMask-1, c.state.Load(), "a Release at the full count is an ordinary one")
}

func TestAFullCountRefusesTheExclusiveReferenceWithoutPanicking(t *testing.T) {
	var c RefCount
	c.state.Store(sharedMask)
	_, ok := c.TryAcquireExclusive()
	require.False(t, ok, "Refs are held: no exclusive reference, however many Refs that is")
	require.Equal(t, sharedMask, c.state.Load(), "a failed TryAcquireExclusive changes nothing")
}

// TestReleaseOfAnUncountedRefIsRefusedWhateverTheFlags releases a Ref
// the count never included (as a copied Ref's second Release would) on a
// count of 0, beside every combination of flags. The subtraction borrows
// from the flags; Release must notice, put the borrow back and refuse.
// With waitersBit set the borrow lands exactly on sharedMask: the state
// that the exclusive hand-off passes through (releaseExclusiveSlow clears
// exclusiveBit before it dispatches), where a fast-path Release that
// tested only for states above sharedMask would let it through.
func TestReleaseOfAnUncountedRefIsRefusedWhateverTheFlags(t *testing.T) {
	for _, flags := range []uint64{0, waitersBit, exclusiveBit, exclusiveBit | waitersBit} {
		var c RefCount
		c.state.Store(flags)
		stale := Ref{c: &c}
		refuses(t, "refcount: Release: shared count underflow: a Ref was released that was never counted (was it copied?)",
			stale.Release, "a count of 0 has no Ref to give back")
		require.Equal(t, flags, c.state.Load(), "a refused Release changes nothing (flags %#x)", flags)
	}
}

// TestWaitGrantsAFreeReferenceAtOnce calls the slow path of both acquires
// on a free RefCount with nobody queued, as happens when the fast path's
// compare-and-swap lost to a concurrent update that has since gone away:
// wait must grant at once, counting exactly one reference.
func TestWaitGrantsAFreeReferenceAtOnce(t *testing.T) {
	var c RefCount
	c.state.Store(3)
	require.NoError(t, c.wait(context.Background(), false), "Refs only: a shared acquirer need not wait")
	require.Equal(t, uint64(4), c.state.Load(), "the slow path adds exactly one Ref")
	require.Nil(t, c.head, "granted at once: nobody queued")

	var x RefCount
	require.NoError(t, x.wait(context.Background(), true), "a free RefCount grants the exclusive reference")
	require.Equal(t, exclusiveBit, x.state.Load(), "the exclusive reference held, no Ref, no waiter")

	var full RefCount
	full.state.Store(sharedMask)
	refuses(t, "refcount: Acquire: shared count overflow", func() { _ = full.wait(context.Background(), false) },
		"the slow path checks the count as the fast path does")
	require.Equal(t, sharedMask, full.state.Load(), "a refused acquire changes nothing")
}
