package rcmap

import (
	"iter"
	"sync"
)

// Map is a reference-count map from K to V, safe for concurrent use. The
// zero Map is empty and ready to use, with no cleanup; make one with New to
// have a cleanup. A Map must not be copied after first use.
type Map[K comparable, V any] struct {
	mu sync.Mutex
	// entries holds every entry, live or pending; each has count >= 1.
	// Entries are inserted, deleted and counted only with mu held (the
	// package's one rule): that is what keeps a dying entry from being
	// joined, and a key from being created twice.
	entries map[K]*entry[K, V] // nil until the first Acquire in a zero Map
	pending int                // entries whose create is running; guarded by mu
	cleanup func(key K, value V)
}

// entry is one key's shared value and its number of holders. It knows its
// map and key, so that a Handle needs no more than a pointer to it. While
// its create runs, an entry is pending: it is in the map, so that racing
// Acquires find it and wait instead of creating, but no handle to it exists
// and Len, Count, Load, Join and All do not see it.
type entry[K comparable, V any] struct {
	m     *Map[K, V]
	key   K
	value V   // written once, before the first handle exists: read without mu
	count int // live handles (and, while pending, the creator and its waiters); guarded by mu
	// wait is not nil exactly while the entry is pending; guarded by mu. It
	// is &nobodyWaits until an Acquire comes to wait, so that a create that
	// nobody waits for, the common case, makes no channel.
	wait *waiting
}

// pending reports whether e's create is still running. Call it with mu held.
func (e *entry[K, V]) pending() bool { return e.wait != nil }

// waiting is how the Acquires that wait for a pending entry learn how its
// create ended.
type waiting struct {
	ready chan struct{} // closed when create has returned
	err   error         // create's error, set before ready is closed
}

// nobodyWaits is the wait of a pending entry that no Acquire waits for.
var nobodyWaits waiting

// New returns an empty map. If cleanup is not nil, it runs exactly once for
// each entry, after the entry's last handle was released and the entry was
// removed from the map, with the entry's key and value, on the goroutine
// that released it and with the map unlocked.
func New[K comparable, V any](cleanup func(key K, value V)) *Map[K, V] {
	return &Map[K, V]{entries: make(map[K]*entry[K, V]), cleanup: cleanup}
}

// Join returns a new handle to the entry for key and true if the entry
// exists (its count + 1), or the zero Handle and false if it does not; Join
// never creates an entry, and never waits: an entry whose create is still
// running does not exist yet.
func (m *Map[K, V]) Join(key K) (Handle[K, V], bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, found := m.entries[key]
	if !found || e.pending() {
		return Handle[K, V]{}, false
	}
	e.count++
	return newHandle(e), true
}

// Load returns the value of the entry for key and true, or the zero V and
// false if there is no entry (or its create is still running). Load does
// not count: it returns no handle, so nothing keeps the entry alive after
// Load returns. The last handle may be released at any moment, and the
// cleanup may then run on the value Load returned. Use Load for values
// that stay meaningful after their cleanup (a name, an id, a counter); to
// use a value that the cleanup closes, Join, and Release when done.
func (m *Map[K, V]) Load(key K) (value V, ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, found := m.entries[key]; found && !e.pending() {
		return e.value, true
	}
	return value, false
}

// All returns an iterator over the map's entries, yielding each key and
// value. It is a snapshot: All copies the pairs of the entries that exist
// when the loop starts, under the lock, and yields them afterwards, with
// the map unlocked, so the loop body may use the map freely. Like Load, All
// does not count: an entry yielded may already be removed, and its value
// cleaned up, by the time the body sees it, and an entry made after the
// snapshot is not yielded. The order is unspecified. Each call of the
// iterator takes a new snapshot.
func (m *Map[K, V]) All() iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		type pair struct {
			key   K
			value V
		}
		m.mu.Lock()
		snapshot := make([]pair, 0, len(m.entries)-m.pending)
		for key, e := range m.entries {
			if !e.pending() {
				snapshot = append(snapshot, pair{key, e.value})
			}
		}
		m.mu.Unlock()
		for _, p := range snapshot {
			if !yield(p.key, p.value) {
				return
			}
		}
	}
}

// Len returns the number of entries, that is of keys with at least one
// live handle. It is a snapshot.
func (m *Map[K, V]) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.entries) - m.pending
}

// Count returns the number of live handles to the entry for key, or 0 if
// there is no such entry. It is a snapshot.
func (m *Map[K, V]) Count(key K) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, found := m.entries[key]; found && !e.pending() {
		return e.count
	}
	return 0
}

// remove is the last Release's work on the map: called with mu held by the
// Release that took e's count to 0, it deletes e from the map and unlocks;
// then it runs the cleanup, outside the lock.
func (m *Map[K, V]) remove(e *entry[K, V]) {
	// Delete in the same critical section that took the count to 0, so
	// no Acquire can ever find an entry with count 0 and join it. The
	// key maps to e: a key's entry is only replaced after deletion.
	delete(m.entries, e.key)
	m.mu.Unlock()
	if m.cleanup != nil {
		// Outside the lock: the cleanup may use the map, even Acquire key
		// again, which makes a new entry. It runs once, because only one
		// Release can see count go from 1 to 0.
		m.cleanup(e.key, e.value)
	}
}
