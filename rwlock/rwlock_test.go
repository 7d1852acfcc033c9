package rwlock_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/rcbook/rcbook/rwlock"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func TestReadSeesTheValueAndWriteChangesIt(t *testing.T) {
	l := rwlock.New(41)
	w, err := l.Write(context.Background())
	require.NoError(t, err, "a free lock grants a writer at once")
	*w.Value()++
	w.Release()

	r, err := l.Read(context.Background())
	require.NoError(t, err, "a free lock grants a reader at once")
	assert.Equal(t, 42, *r.Value(), "the reader sees the writer's change")
	r.Release()
}

func TestZeroRwLockIsReadyToUse(t *testing.T) {
	var l rwlock.RwLock[string]
	r, ok := l.TryRead()
	require.True(t, ok, "the zero RwLock is unlocked")
	assert.Equal(t, "", *r.Value(), "and holds T's zero value")
	r.Release()
}

func TestReadersShareWritersExclude(t *testing.T) {
	l := rwlock.New("v")
	r1, ok := l.TryRead()
	require.True(t, ok, "first reader")
	r2, ok := l.TryRead()
	require.True(t, ok, "readers share the lock")
	_, ok = l.TryWrite()
	assert.False(t, ok, "no writer while readers are inside")
	r1.Release()
	r2.Release()

	w, ok := l.TryWrite()
	require.True(t, ok, "the readers are gone: the writer gets in")
	_, ok = l.TryRead()
	assert.False(t, ok, "no reader while the writer is inside")
	_, ok = l.TryWrite()
	assert.False(t, ok, "no second writer")
	w.Release()
}

func TestReadAndWriteGiveUpWhenTheContextIsDone(t *testing.T) {
	l := rwlock.New(0)
	w, _ := l.TryWrite()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Millisecond)
	defer cancel()

	r, err := l.Read(ctx)
	require.ErrorIs(t, err, context.DeadlineExceeded, "the writer holds the lock past the deadline")
	assert.Nil(t, r, "no guard when Read gives up")
	w2, err := l.Write(ctx)
	require.ErrorIs(t, err, context.DeadlineExceeded, "Write gives up too")
	assert.Nil(t, w2, "no guard when Write gives up")

	w.Release()
	r, ok := l.TryRead()
	require.True(t, ok, "the waiters that gave up left nothing behind")
	r.Release()
}

func TestAReleasedGuardNoLongerGivesTheValue(t *testing.T) {
	l := rwlock.New(1)
	r, _ := l.TryRead()
	r.Release()
	assert.Nil(t, r.Value(), "a released read guard gives nil, so that a use after Release fails at once")
	w, _ := l.TryWrite()
	w.Release()
	assert.Nil(t, w.Value(), "a released write guard gives nil")
}

func TestReleasingAGuardTwicePanics(t *testing.T) {
	l := rwlock.New(1)
	r, _ := l.TryRead()
	r.Release()
	assert.PanicsWithError(t, "refcount: Release: reference already released", r.Release,
		"a second Release would give back a shared reference another reader holds")
	w, _ := l.TryWrite()
	w.Release()
	assert.PanicsWithError(t, "refcount: Release: reference already released", w.Release,
		"a second Release of a write guard is refused too")
}

// TestConcurrentReadersAndWriters runs under -race: the writers increment a
// plain int through the write guard, the readers read it through the read
// guard, and the race detector reports any overlap the lock allows.
func TestConcurrentReadersAndWriters(t *testing.T) {
	const writers, readers, rounds = 4, 8, 200
	type pair struct{ a, b int } // a writer keeps a == b; a reader must never see them differ
	l := rwlock.New(pair{})
	var wg sync.WaitGroup
	var torn sync.Once
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range rounds {
				w, err := l.Write(context.Background())
				if err != nil {
					panic(err)
				}
				w.Value().a++
				w.Value().b++
				w.Release()
			}
		}()
	}
	for range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range rounds {
				r, err := l.Read(context.Background())
				if err != nil {
					panic(err)
				}
				if v := *r.Value(); v.a != v.b {
					torn.Do(func() { t.Errorf("a reader saw a half-done write: %+v", v) })
				}
				r.Release()
			}
		}()
	}
	wg.Wait()
	r, _ := l.TryRead()
	assert.Equal(t, pair{writers * rounds, writers * rounds}, *r.Value(), "every write must have landed")
	r.Release()
}
