package refcount_test

import (
	"context"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/rcbook/rcbook/refcount"
)

// guarded is what the references protect. inside counts the holders the
// way the RefCount should: readers and writers currently inside. value is a
// plain int, written only by exclusive holders and read by shared ones, so
// that under -race any overlap the counters miss is a reported data race.
type guarded struct {
	readers, writers atomic.Int64
	overlaps         atomic.Int64 // times a holder found someone it excludes
	value            int
}

func (g *guarded) enterShared() {
	g.readers.Add(1)
	if g.writers.Load() != 0 {
		g.overlaps.Add(1)
	}
	if g.value < 0 { // a real read of value, for the race detector
		g.overlaps.Add(1)
	}
}

func (g *guarded) leaveShared() { g.readers.Add(-1) }

func (g *guarded) enterExclusive() {
	if g.writers.Add(1) != 1 || g.readers.Load() != 0 {
		g.overlaps.Add(1)
	}
	g.value++
}

func (g *guarded) leaveExclusive() { g.writers.Add(-1) }

// TestStressMutualExclusion runs goroutines that acquire shared and
// exclusive references at random, by every route (Try, Acquire, Acquire
// with a deadline that may expire, Acquire cancelled at random), and checks
// that an exclusive holder never overlaps any other holder, that every
// goroutine finishes its quota of acquisitions (nobody starves, no hand-off
// is lost), and that the RefCount ends empty.
func TestStressMutualExclusion(t *testing.T) {
	defer goleak.VerifyNone(t)
	const goroutines = 8
	rounds := 300
	if testing.Short() {
		rounds = 50
	}
	var c refcount.RefCount
	var g guarded
	var writes, timeouts atomic.Int64

	var wg sync.WaitGroup
	for id := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(id), uint64(time.Now().UnixNano())))
			for range rounds {
				exclusive := rng.IntN(4) == 0
				ctx, cancel := context.Background(), context.CancelFunc(func() {})
				switch rng.IntN(4) {
				case 0: // a deadline that may expire while waiting
					ctx, cancel = context.WithTimeout(ctx, time.Duration(rng.IntN(50))*time.Microsecond)
				case 1: // cancelled by someone else at a random moment
					var cancelCtx context.CancelFunc
					ctx, cancelCtx = context.WithCancel(ctx)
					timer := time.AfterFunc(time.Duration(rng.IntN(50))*time.Microsecond, cancelCtx)
					cancel = func() { timer.Stop(); cancelCtx() }
				}
				if exclusive {
					var x refcount.ExclusiveRef
					err := acquireExclusive(ctx, &c, rng, &x)
					cancel()
					if err != nil {
						timeouts.Add(1)
						continue
					}
					g.enterExclusive()
					writes.Add(1)
					hold(rng)
					g.leaveExclusive()
					x.Release()
				} else {
					var r refcount.Ref
					err := acquireShared(ctx, &c, rng, &r)
					cancel()
					if err != nil {
						timeouts.Add(1)
						continue
					}
					g.enterShared()
					hold(rng)
					g.leaveShared()
					r.Release()
				}
			}
		}()
	}
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()
	select {
	case <-finished:
	case <-time.After(30 * time.Second):
		require.FailNow(t, "stress test stuck", "some goroutine never got its reference: a lost hand-off or a deadlock")
	}

	assert.Zero(t, g.overlaps.Load(), "an exclusive holder overlapped another holder")
	assert.Equal(t, int(writes.Load()), g.value, "every exclusive holder's write must have landed")
	requireState(t, &c, refcount.Snapshot{}, "everyone released: nothing held, nobody queued")
	x, ok := c.TryAcquireExclusive()
	require.True(t, ok, "the RefCount must be free at the end")
	x.Release()
	t.Logf("%d acquisitions, %d exclusive, %d gave up on their context", goroutines*rounds, writes.Load(), timeouts.Load())
}

// acquireShared takes a Ref into r by Acquire or, one time in four, by
// TryAcquire (a failed try counts as giving up). It fills *r rather than
// returning a Ref: returning a handle held in a variable would copy it, and
// go vet would say so.
func acquireShared(ctx context.Context, c *refcount.RefCount, rng *rand.Rand, r *refcount.Ref) (err error) {
	if rng.IntN(4) == 0 {
		var ok bool
		if *r, ok = c.TryAcquire(); !ok {
			return context.Canceled
		}
		return nil
	}
	*r, err = c.Acquire(ctx)
	return err
}

// acquireExclusive is acquireShared for the ExclusiveRef.
func acquireExclusive(ctx context.Context, c *refcount.RefCount, rng *rand.Rand, x *refcount.ExclusiveRef) (err error) {
	if rng.IntN(4) == 0 {
		var ok bool
		if *x, ok = c.TryAcquireExclusive(); !ok {
			return context.Canceled
		}
		return nil
	}
	*x, err = c.AcquireExclusive(ctx)
	return err
}

// hold keeps a reference for a moment: no time, a yield, or a short sleep.
func hold(rng *rand.Rand) {
	switch rng.IntN(3) {
	case 1:
		runtime.Gosched()
	case 2:
		time.Sleep(time.Duration(rng.IntN(20)) * time.Microsecond)
	}
}

// TestStressEveryoneEventuallyAcquires gives no one a way out: every call
// waits with a context that is never done, writers and readers mixed, and
// every one of them must get its reference.
func TestStressEveryoneEventuallyAcquires(t *testing.T) {
	defer goleak.VerifyNone(t)
	const goroutines = 16
	rounds := 200
	if testing.Short() {
		rounds = 30
	}
	var c refcount.RefCount
	var g guarded
	var got atomic.Int64
	var wg sync.WaitGroup
	for id := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(id), 7))
			for range rounds {
				if id%4 == 0 { // a quarter of the goroutines write
					x, err := c.AcquireExclusive(context.Background())
					if err != nil {
						panic(err)
					}
					g.enterExclusive()
					hold(rng)
					g.leaveExclusive()
					x.Release()
				} else {
					r, err := c.Acquire(context.Background())
					if err != nil {
						panic(err)
					}
					g.enterShared()
					hold(rng)
					g.leaveShared()
					r.Release()
				}
				got.Add(1)
			}
		}()
	}
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()
	select {
	case <-finished:
	case <-time.After(30 * time.Second):
		require.FailNow(t, "stress test stuck", "%d of %d acquisitions done: someone starved or a hand-off was lost",
			got.Load(), goroutines*rounds)
	}
	assert.Equal(t, int64(goroutines*rounds), got.Load(), "every acquisition must succeed")
	assert.Zero(t, g.overlaps.Load(), "an exclusive holder overlapped another holder")
	requireState(t, &c, refcount.Snapshot{}, "everyone released: nothing held, nobody queued")
}
