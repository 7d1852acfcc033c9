//go:build solution

package refmap

import (
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/weak"
)

// Acquire returns a handle to the entry for key and false if the entry
// exists (its count + 1, create is not called), or creates the entry with
// the value create returns and returns its first handle and true.
func (m *Map[K, V]) Acquire(key K, create func() V) (Handle[V], bool) {
	if w, found := m.entries[key]; found {
		joined, alive := w.Upgrade()
		if !alive {
			// remove deletes the entry the moment its strong count reaches
			// 0, so an entry in the map always has a live value.
			panic("refmap: Acquire: an entry outlived its last handle")
		}
		return Handle[V]{entry: joined.Move()}, false
	}
	first := rc.NewWithCleanup(create(), func(value V) { m.remove(key, value) })
	w := weak.Downgrade(&first)
	m.entries[key] = &w
	return Handle[V]{entry: first.Move()}, true
}

// remove is the cleanup of the entry for key: it runs when the entry's last
// handle is released. It deletes the entry from the map and gives up the
// map's Weak, then runs the map's cleanup, if any.
func (m *Map[K, V]) remove(key K, value V) {
	w := m.entries[key]
	// Delete first, so that the cleanup sees a map without the entry and
	// may even Acquire the key again, making a new entry.
	delete(m.entries, key)
	// Strong is 0 and the destructor is running: the implicit weak keeps the
	// allocation until we return (I4), so dropping the map's Weak cannot free
	// it under our feet.
	w.Drop()
	if m.cleanup != nil {
		m.cleanup(key, value)
	}
}

// Len returns the number of entries in the map.
func (m *Map[K, V]) Len() int { return len(m.entries) }

// Count returns the number of handles to the entry for key, or 0 if there
// is no such entry.
func (m *Map[K, V]) Count(key K) int {
	w, found := m.entries[key]
	if !found {
		return 0
	}
	return w.StrongCount()
}

// Value returns the entry's value. It panics if h was released.
func (h *Handle[V]) Value() V { return *h.strong("Value").Get() }

// Clone returns another handle to the same entry: its count + 1. It panics
// if h was released.
func (h *Handle[V]) Clone() Handle[V] {
	return Handle[V]{entry: h.strong("Clone").Clone()}
}

// Release gives up h's share of the entry: its count − 1. The last Release
// removes the entry and runs the map's cleanup. Releasing a handle twice
// panics and changes nothing.
func (h *Handle[V]) Release() {
	entry := h.strong("Release")
	h.released = true // before Drop: the cleanup may panic, and h is spent either way
	entry.Drop()
}
