//go:build !solution

package refmap

// Acquire returns a handle to the entry for key and false if the entry
// exists (its count + 1, create is not called), or creates the entry with
// the value create returns and returns its first handle and true.
func (m *Map[K, V]) Acquire(key K, create func() V) (Handle[V], bool) {
	panic("TODO: upgrade the map's Weak to join, or allocate with a cleanup that calls m.remove")
}

// remove is the cleanup of the entry for key: it runs when the entry's last
// handle is released. It deletes the entry from the map and gives up the
// map's Weak, then runs the map's cleanup, if any.
func (m *Map[K, V]) remove(key K, value V) {
	panic("TODO: delete the entry, drop the map's Weak, run m.cleanup")
}

// Len returns the number of entries in the map.
func (m *Map[K, V]) Len() int {
	panic("TODO: count the entries")
}

// Count returns the number of handles to the entry for key, or 0 if there
// is no such entry.
func (m *Map[K, V]) Count(key K) int {
	panic("TODO: ask the map's Weak how many strong handles there are")
}

// Value returns the entry's value. It panics if h was released.
func (h *Handle[V]) Value() V {
	panic("TODO: read the value through h.strong")
}

// Clone returns another handle to the same entry: its count + 1. It panics
// if h was released.
func (h *Handle[V]) Clone() Handle[V] {
	panic("TODO: clone the strong handle into a new Handle")
}

// Release gives up h's share of the entry: its count − 1. The last Release
// removes the entry and runs the map's cleanup. Releasing a handle twice
// panics and changes nothing.
func (h *Handle[V]) Release() {
	panic("TODO: drop the strong handle through h.strong and mark h released")
}
