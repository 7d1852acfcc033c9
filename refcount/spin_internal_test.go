package refcount

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestSpinTakesOnlyAFreeReference checks spin's three answers on one
// goroutine: it takes a free reference as a fast path would, gives up on a
// busy one without counting anything, and never overtakes a queued waiter.
func TestSpinTakesOnlyAFreeReference(t *testing.T) {
	if !multicore {
		t.Skip("spin does not spin on one processor")
	}
	var c RefCount
	require.True(t, c.spin(), "a free reference is taken at once")
	require.Equal(t, 1, c.Count(), "and counted as one Ref")
	require.True(t, c.spin(), "a second Ref joins the first")
	c.releaseShared()
	c.releaseShared()

	x, _ := c.TryAcquireExclusive()
	require.False(t, c.spin(), "a spinner gives up while the exclusive reference stays held")
	require.Equal(t, exclusiveBit, c.state.Load(), "and leaves the state as it found it")
	w := &waiter{exclusive: false, ready: make(chan struct{}, 1)}
	c.mu.Lock()
	require.False(t, c.admit(false, true), "the exclusive reference is held: the waiter must queue")
	c.push(w)
	c.mu.Unlock()
	require.False(t, c.spin(), "a spinner gives up while anyone is queued")
	require.Equal(t, exclusiveBit|waitersBit, c.state.Load(), "and counts nothing")
	x.Release()
	require.True(t, w.granted, "the queued waiter, not a spinner, gets the reference")
	require.Equal(t, 1, c.Count(), "one Ref, the waiter's, is counted")
	c.releaseShared()
}

// TestSpinTakesAReferenceReleasedMeanwhile shows what spin is for: a
// reference released on another goroutine while the acquirer spins is
// taken without queueing, so the acquirer never sleeps. On a busy machine
// the release may land after one round of spins has given up (the caller
// would then queue, which is also correct), so the test spins again until
// it lands, and checks that exactly one Ref is counted.
func TestSpinTakesAReferenceReleasedMeanwhile(t *testing.T) {
	if !multicore {
		t.Skip("spin does not spin on one processor")
	}
	var c RefCount
	x, _ := c.TryAcquireExclusive()
	started := make(chan struct{})
	go func() {
		<-started
		x.Release()
	}()
	close(started)
	deadline := time.Now().Add(time.Second)
	for !c.spin() {
		require.True(t, time.Now().Before(deadline), "a released reference must be taken within a second of spinning")
	}
	require.Equal(t, 1, c.Count(), "the spinner holds one counted Ref, and nothing else is counted")
	c.releaseShared()
	require.Zero(t, c.state.Load(), "released, the RefCount is free again")
}
