package rcmap

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// TestRacingAcquiresOfANewKeyCreateItOnce is the race a separate
// get-then-insert loses: every goroutine sees no entry and inserts its own.
// With the pending entry inserted under the lock that saw the key missing,
// exactly one creates and the others wait for it and join. Odd rounds make
// create slow, so that most goroutines arrive while it runs and wait.
func TestRacingAcquiresOfANewKeyCreateItOnce(t *testing.T) {
	defer goleak.VerifyNone(t)
	const goroutines = 64
	for round := range 50 {
		var cleanups atomic.Int32
		m := New(func(string, *int) { cleanups.Add(1) })
		var creates, createdTrue atomic.Int32
		start := make(chan struct{})
		handles := make([]*Handle[string, *int], goroutines)
		var wg sync.WaitGroup
		for g := range goroutines {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start // all at once, to make the race as likely as possible
				h, created, err := m.Acquire(context.Background(), "new", func() (*int, error) {
					creates.Add(1)
					if round%2 == 1 {
						time.Sleep(100 * time.Microsecond)
					}
					return new(int), nil
				})
				if err != nil {
					t.Errorf("Acquire with a create that cannot fail returned %v", err)
					return
				}
				if created {
					createdTrue.Add(1)
				}
				handles[g] = &h
			}()
		}
		close(start)
		wg.Wait()
		require.Equal(t, int32(1), creates.Load(), "round %d: racing Acquires must call create exactly once", round)
		require.Equal(t, int32(1), createdTrue.Load(), "round %d: exactly one Acquire reports created", round)
		require.Equal(t, goroutines, m.Count("new"), "round %d: the others joined the one entry", round)
		for _, h := range handles[1:] {
			require.Same(t, handles[0].Value(), h.Value(), "round %d: every handle reaches the one value", round)
		}
		for _, h := range handles {
			h.Release()
		}
		require.Equal(t, int32(1), cleanups.Load(), "round %d: one entry, one cleanup", round)
	}
}

// TestRacingAcquiresShareOneFailure races goroutines on a new key whose
// create fails after a while. Every goroutine must get create's error and
// no entry may be left. A goroutine that arrives after a failure finds the
// key free and runs create again, so a round may see several creates, but
// never two at once: that would be two goroutines each creating the key.
func TestRacingAcquiresShareOneFailure(t *testing.T) {
	defer goleak.VerifyNone(t)
	const goroutines = 64
	errDown := errors.New("backend down")
	total := 0
	for round := range 20 {
		m := New[string, int](nil)
		var creates, running, overlaps atomic.Int32
		start := make(chan struct{})
		errs := make([]error, goroutines)
		var wg sync.WaitGroup
		for g := range goroutines {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				_, _, errs[g] = m.Acquire(context.Background(), "new", func() (int, error) {
					creates.Add(1)
					if running.Add(1) != 1 {
						overlaps.Add(1)
					}
					time.Sleep(100 * time.Microsecond)
					running.Add(-1)
					return 0, errDown
				})
			}()
		}
		close(start)
		wg.Wait()
		for g, err := range errs {
			require.ErrorIs(t, err, errDown, "round %d: goroutine %d must get create's error", round, g)
		}
		require.Zero(t, overlaps.Load(), "round %d: two creates of one key ran at once", round)
		require.Equal(t, 0, m.Len(), "round %d: a failed create leaves no entry", round)
		require.Empty(t, m.entries, "round %d: nor a pending one", round)
		total += int(creates.Load())
	}
	t.Logf("20 rounds of %d goroutines ran create %d times in all", goroutines, total)
}

// TestCancellationRacingCreateKeepsCountsConsistent cancels a waiter at the
// moment its create finishes. Either may win, so the waiter either holds a
// handle or returns ctx.Err(); in both cases the count must match the
// handles that exist.
func TestCancellationRacingCreateKeepsCountsConsistent(t *testing.T) {
	outcomes := map[bool]int{}
	for range 300 {
		m := New[string, int](nil)
		gate, open := newGate(t)
		inside := make(chan struct{})
		creator := acquireAsync(context.Background(), m, "k", func() (int, error) {
			close(inside)
			<-gate
			return 1, nil
		})
		<-inside
		ctx, cancel := context.WithCancel(context.Background())
		waiter := acquireAsync(ctx, m, "k", value(-1))
		for pendingCount(t, m, "k") < 2 { // until the waiter has counted itself
			time.Sleep(10 * time.Microsecond)
		}
		var wg sync.WaitGroup
		wg.Add(2)
		go func() { defer wg.Done(); open() }()
		go func() { defer wg.Done(); cancel() }()
		wg.Wait()
		first, o := <-creator, <-waiter
		require.NoError(t, first.err, "the creator is unaffected")
		if o.err == nil {
			o.h.Release()
		} else {
			require.ErrorIs(t, o.err, context.Canceled, "a waiter that lost the race returns ctx.Err()")
		}
		outcomes[o.err == nil]++
		assert.Equal(t, 1, m.Count("k"), "the waiter released its handle or never held one: the creator's is the one left")
		first.h.Release()
		require.Equal(t, 0, m.Len(), "the creator's Release removes the entry: no share was lost or doubled")
	}
	t.Logf("waiter got a handle %d times, ctx.Err() %d times", outcomes[true], outcomes[false])
}

// TestStress has goroutines acquire, clone and release random keys of a
// small key set at once, so that last Releases race with Acquires of the
// same key. Every entry's value is a fresh id; the cleanup records each id,
// and at the end every created id must have been cleaned up exactly once.
func TestStress(t *testing.T) {
	defer goleak.VerifyNone(t)
	const (
		goroutines = 16
		steps      = 3000
	)
	keys := []string{"a", "b", "c", "d"}
	var (
		nextID  atomic.Int64
		mu      sync.Mutex
		created = map[int64]int{} // id → times created (must be 1)
		cleaned = map[int64]int{} // id → times cleaned up (must be 1)
	)
	m := New(func(_ string, id int64) {
		mu.Lock()
		cleaned[id]++
		mu.Unlock()
	})
	create := func() (int64, error) {
		id := nextID.Add(1)
		mu.Lock()
		created[id]++
		mu.Unlock()
		return id, nil
	}
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(g), 7))
			var held []*Handle[string, int64]
			for range steps {
				switch op := rng.IntN(10); {
				case op < 4 || len(held) == 0:
					h, _, err := m.Acquire(context.Background(), keys[rng.IntN(len(keys))], create)
					if err != nil {
						t.Errorf("Acquire with a create that cannot fail returned %v", err)
						return
					}
					held = append(held, &h)
				case op < 5:
					c := held[rng.IntN(len(held))].Clone()
					held = append(held, &c)
				case op < 6:
					if h, ok := m.Join(keys[rng.IntN(len(keys))]); ok {
						held = append(held, &h)
					}
				default:
					i := rng.IntN(len(held))
					if c := m.Count(held[i].Key()); c < 1 {
						t.Errorf("a key with a live handle counts %d, want >= 1", c)
					}
					held[i].Release()
					held = append(held[:i], held[i+1:]...)
				}
			}
			for _, h := range held {
				h.Release()
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, 0, m.Len(), "every handle released: the map must be empty")
	require.NotEmpty(t, created, "the stress must have created entries")
	assert.Equal(t, len(created), len(cleaned), "every created entry has a cleanup, and no cleanup is for a stranger")
	for id, n := range created {
		assert.Equal(t, 1, n, "id %d was created %d times", id, n)
		assert.Equal(t, 1, cleaned[id], "entry %d must be cleaned up exactly once", id)
	}
}
