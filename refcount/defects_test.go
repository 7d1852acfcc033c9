package refcount_test

import (
	"context"
	"runtime"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/rcbook/rcbook/refcount"
)

// The Rust crate this package is modelled on has two defects. Each test here
// is named after one and shows that it cannot happen in rcbook.

// Defect 1: the crate's failed try_get_exclusive_ref stores 0 over the
// shared count. While the Refs are still out, the next try is granted
// beside them; once they are released, they have decremented a count that
// no longer included them, and it has wrapped.
func TestFailedTryAcquireExclusiveKeepsSharedCount(t *testing.T) {
	const n = 3
	var c refcount.RefCount
	var refs [n]refcount.Ref
	for i := range refs {
		refs[i], _ = c.TryAcquire()
	}

	for range 10 {
		_, ok := c.TryAcquireExclusive()
		require.False(t, ok, "%d shared references are held: the exclusive one must be refused", n)
		require.Equal(t, n, c.Count(),
			"a refused TryAcquireExclusive must leave the shared count alone: the Rust crate overwrites it with 0")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := c.AcquireExclusive(ctx)
	require.ErrorIs(t, err, context.Canceled, "busy, and ctx is done: refused")
	require.Equal(t, n, c.Count(), "a refused AcquireExclusive must leave the shared count alone too")

	for i := range refs {
		refs[i].Release()
	}
	requireState(t, &c, refcount.Snapshot{}, "every Ref released: the count is back to 0, not wrapped around")
	x, ok := c.TryAcquireExclusive()
	require.True(t, ok, "with no reference held the exclusive one must be granted; "+
		"in the crate the count has wrapped and this try fails")
	x.Release()
}

// Defect 2: the crate undoes nothing when a waiting future is dropped. A
// dropped exclusive future leaves the blocked bit set, so nothing is
// granted again, and a dropped waiter stays queued with a raw pointer into
// the freed future, which the next release writes through. rcbook's
// releases hand the reference over, so a waiter left in the queue would be
// handed a reference nobody releases. Here a cancelled waiter leaves the
// queue before its call returns, so no hand-off can reach it.
func TestCancelledWaiterIsRemovedFromQueue(t *testing.T) {
	defer goleak.VerifyNone(t)
	var c refcount.RefCount
	r, _ := c.TryAcquire()
	w := goAcquire(t, &c, "writer", true)

	w.cancel()
	w.returned(t)
	require.ErrorIs(t, w.err, context.Canceled, "a cancelled waiter reports its context's error")
	requireState(t, &c, refcount.Snapshot{Shared: 1}, "the cancelled waiter must have left the queue")

	r.Release()
	requireState(t, &c, refcount.Snapshot{}, "the last Release must not hand the reference to the dead waiter")
	x, ok := c.TryAcquireExclusive()
	require.True(t, ok, "the exclusive reference is free: nobody holds it on the dead waiter's behalf")
	x.Release()
}

// A cancelled exclusive waiter at the head of the queue may be all that
// keeps the readers queued behind it out: leaving must let them in.
func TestCancelledWriterAdmitsTheReadersBehindIt(t *testing.T) {
	defer goleak.VerifyNone(t)
	var c refcount.RefCount
	r, _ := c.TryAcquire()
	w := goAcquire(t, &c, "writer", true)
	r1 := goAcquire(t, &c, "reader 1", false)
	r2 := goAcquire(t, &c, "reader 2", false)

	w.cancel()
	w.returned(t)
	r1.granted(t)
	r2.granted(t)
	requireState(t, &c, refcount.Snapshot{Shared: 3}, "the readers behind the cancelled writer join the reader inside")
	r.Release()
	r1.release()
	r2.release()
}

// The race of defect 2: the hand-off and the cancellation happen together.
// Whoever wins, the reference must not be lost: if the waiter was handed
// it, either its call returns it, or (if the call reports the cancellation)
// the call releases it. Afterwards the RefCount must be free and empty.
func TestCancellationRacingHandOffNeverLosesTheRef(t *testing.T) {
	defer goleak.VerifyNone(t)
	rounds := 500
	if testing.Short() {
		rounds = 50
	}
	for _, tc := range []struct {
		name             string
		holder, waiterEx bool // exclusive or shared
	}{
		{"writer hands to reader", true, false},
		{"writer hands to writer", true, true},
		{"reader hands to writer", false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var kept, gaveUp int // the call returned the reference; it reported the cancellation
			for i := range rounds {
				var c refcount.RefCount
				var release func()
				if tc.holder {
					x, _ := c.TryAcquireExclusive()
					release = x.Release
				} else {
					r, _ := c.TryAcquire()
					release = r.Release
				}
				w := goAcquire(t, &c, "waiter", tc.waiterEx)

				var start, both sync.WaitGroup
				start.Add(1)
				both.Add(2)
				go func() { defer both.Done(); start.Wait(); w.cancel() }()
				go func() {
					defer both.Done()
					start.Wait()
					if i%2 == 1 {
						runtime.Gosched() // give the cancellation a head start in half the rounds
					}
					release()
				}()
				start.Done()
				both.Wait()
				w.returned(t)

				if w.err == nil {
					kept++
					w.release()
				} else {
					gaveUp++
					require.ErrorIs(t, w.err, context.Canceled, "the only way to fail is the cancellation")
				}
				requireState(t, &c, refcount.Snapshot{},
					"after the race the reference must be free: handed over and released, or never handed over")
				x, ok := c.TryAcquireExclusive()
				require.True(t, ok, "a reference handed to a cancelled waiter must not be lost")
				x.Release()
			}
			t.Logf("%d rounds: the call returned the reference %d times, reported the cancellation %d times",
				rounds, kept, gaveUp)
			assert.Equal(t, rounds, kept+gaveUp, "every round ends one way or the other")
		})
	}
}
