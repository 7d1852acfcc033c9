package benchmarks

import (
	"context"
	"sync"
	"testing"

	"github.com/rcbook/rcbook/rcmap"
)

// rcmap.Map beside its floor: a sync.Mutex and a map of counted entries,
// doing the same counting by hand, with no handles, no misuse checks and
// no cleanup hook. The two cases are the two paths of every Acquire and
// Release: joining an existing key (lock, lookup, count + 1; lock, count −
// 1), and creating then removing a fresh key (lock, lookup, insert; lock,
// count − 1, delete). The ratio is what the handles and the checks cost.

// handCounted is the peer's entry: the same count and value an rcmap entry
// keeps.
type handCounted[V any] struct {
	n int
	v V
}

// handMap is the peer: a mutex and a map, counted by hand.
type handMap[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]*handCounted[V]
}

func (h *handMap[K, V]) acquire(key K, create func() V) *handCounted[V] {
	h.mu.Lock()
	defer h.mu.Unlock()
	e, ok := h.m[key]
	if !ok {
		e = &handCounted[V]{v: create()}
		h.m[key] = e
	}
	e.n++
	return e
}

func (h *handMap[K, V]) release(key K, e *handCounted[V]) {
	h.mu.Lock()
	e.n--
	if e.n == 0 {
		delete(h.m, key)
	}
	h.mu.Unlock()
}

func newValue() int { return 42 }

func createValue() (int, error) { return 42, nil }

func BenchmarkRcMapAcquireReleaseExisting(b *testing.B) {
	m := rcmap.New[string, int](nil)
	ctx := context.Background()
	keep, _, _ := m.Acquire(ctx, "news", createValue)
	defer keep.Release()
	for b.Loop() {
		h, _, _ := m.Acquire(ctx, "news", createValue)
		h.Release()
	}
}

func BenchmarkRcMapPeerMutexMapAcquireReleaseExisting(b *testing.B) {
	m := &handMap[string, int]{m: map[string]*handCounted[int]{}}
	keep := m.acquire("news", newValue)
	defer m.release("news", keep)
	for b.Loop() {
		e := m.acquire("news", newValue)
		m.release("news", e)
	}
}

func BenchmarkRcMapCreateRemove(b *testing.B) {
	m := rcmap.New(func(string, int) {}) // a cleanup, as a real user would have
	ctx := context.Background()
	for b.Loop() {
		h, _, _ := m.Acquire(ctx, "news", createValue)
		h.Release()
	}
}

func BenchmarkRcMapPeerMutexMapCreateRemove(b *testing.B) {
	m := &handMap[string, int]{m: map[string]*handCounted[int]{}}
	for b.Loop() {
		e := m.acquire("news", newValue)
		m.release("news", e)
	}
}
