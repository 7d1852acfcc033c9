package rcmap

import (
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// TestRacingAcquiresOfANewKeyCreateItOnce is the race a separate
// get-then-insert loses: every goroutine sees no entry and inserts its own.
// Under one lock, exactly one creates and the others join.
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
				h, created := m.Acquire("new", func() *int { creates.Add(1); return new(int) })
				if created {
					createdTrue.Add(1)
				}
				handles[g] = h
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
	create := func() int64 {
		id := nextID.Add(1)
		mu.Lock() // create runs under the map's lock; our own mutex is another one
		created[id]++
		mu.Unlock()
		return id
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
					h, _ := m.Acquire(keys[rng.IntN(len(keys))], create)
					held = append(held, h)
				case op < 5:
					held = append(held, held[rng.IntN(len(held))].Clone())
				case op < 6:
					if h, ok := m.Join(keys[rng.IntN(len(keys))]); ok {
						held = append(held, h)
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
