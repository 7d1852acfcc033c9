package rcmap

import "sync"

// Map is a reference-count map from K to V, safe for concurrent use. Make
// one with New to have a cleanup; the zero Map is an empty map with no
// cleanup, ready to use. A Map must not be copied after first use.
type Map[K comparable, V any] struct {
	mu sync.Mutex
	// entries holds every live entry; each has count >= 1. Entries are
	// inserted, deleted and counted only with mu held (the package's one
	// rule): that is what keeps a dying entry from being joined.
	entries map[K]*entry[V] // nil until the first Acquire in a zero Map
	cleanup func(key K, value V)
}

// entry is one key's shared value and its number of live handles.
type entry[V any] struct {
	value V   // set at creation, never written again: read without mu
	count int // live handles; guarded by Map.mu
}

// New returns an empty map. If cleanup is not nil, it runs exactly once for
// each entry, after the entry's last handle was released and the entry was
// removed from the map, with the entry's key and value, on the goroutine
// that released it and with the map unlocked.
func New[K comparable, V any](cleanup func(key K, value V)) *Map[K, V] {
	return &Map[K, V]{entries: make(map[K]*entry[V]), cleanup: cleanup}
}

// Acquire returns a new handle to the entry for key. If the entry exists,
// Acquire joins it: its count goes up by 1, create is not called, and
// created is false. Otherwise Acquire calls create, stores its result as a
// new entry with count 1, and returns created true. Finding and creating
// happen under one lock, so goroutines racing to Acquire a new key create
// it exactly once. create runs with the map locked and must not use the
// map; if it panics, the panic propagates and no entry is made.
func (m *Map[K, V]) Acquire(key K, create func() V) (h *Handle[K, V], created bool) {
	m.mu.Lock()
	defer m.mu.Unlock() // also if create panics
	if e, found := m.entries[key]; found {
		e.count++ // found under mu: count >= 1, the entry is alive
		return &Handle[K, V]{m: m, key: key, e: e}, false
	}
	if m.entries == nil {
		m.entries = make(map[K]*entry[V]) // the zero Map, on first use
	}
	e := &entry[V]{value: create(), count: 1}
	m.entries[key] = e // only after create returned: a panic leaves no entry
	return &Handle[K, V]{m: m, key: key, e: e}, true
}

// Join returns a new handle to the entry for key and true if the entry
// exists (its count + 1), or nil and false if it does not; Join never
// creates an entry.
func (m *Map[K, V]) Join(key K) (*Handle[K, V], bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, found := m.entries[key]
	if !found {
		return nil, false
	}
	e.count++
	return &Handle[K, V]{m: m, key: key, e: e}, true
}

// Len returns the number of entries, that is of keys with at least one
// live handle. It is a snapshot.
func (m *Map[K, V]) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.entries)
}

// Count returns the number of live handles to the entry for key, or 0 if
// there is no such entry. It is a snapshot.
func (m *Map[K, V]) Count(key K) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, found := m.entries[key]; found {
		return e.count
	}
	return 0
}

// release is Release's work on the map: count − 1 and, at 0, the entry's
// removal, all under mu; then the cleanup, outside it.
func (m *Map[K, V]) release(key K, e *entry[V]) {
	m.mu.Lock()
	e.count--
	last := e.count == 0
	if last {
		// Delete in the same critical section that took the count to 0, so
		// no Acquire can ever find an entry with count 0 and join it. The
		// key maps to e: a key's entry is only replaced after deletion.
		delete(m.entries, key)
	}
	m.mu.Unlock()
	if last && m.cleanup != nil {
		// Outside the lock: the cleanup may use the map, even Acquire key
		// again, which makes a new entry. It runs once, because only one
		// Release can see count go from 1 to 0.
		m.cleanup(key, e.value)
	}
}
