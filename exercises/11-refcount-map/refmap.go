// Package refmap is exercise 11: a map whose entries live exactly as long
// as someone holds a handle to them.
package refmap

import (
	"fmt"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/weak"
)

// Map is a reference-count map: Acquire joins the entry for a key, or
// creates it if there is none, and the entry is removed when its last
// Handle is released. Make one with New; the zero Map is not ready to use.
//
// Each entry is an rc allocation. The handles own it (strong handles); the
// map only keeps a Weak to it, to find it again: if the map held a strong
// handle, it would be an owner too, and no entry could ever lose its last
// one.
//
// A Map and its handles are for one goroutine at a time, like rc.Rc.
type Map[K comparable, V any] struct {
	entries map[K]*weak.Weak[V] // a pointer, so that the Weak is never copied
	cleanup func(key K, value V)
}

// New returns an empty map. If cleanup is not nil, it runs once for each
// entry, after the entry was removed from the map, with the entry's key and
// value.
func New[K comparable, V any](cleanup func(key K, value V)) *Map[K, V] {
	return &Map[K, V]{entries: make(map[K]*weak.Weak[V]), cleanup: cleanup}
}

// Handle is one holder's share of a map entry. A Handle must not be copied:
// take new ones from Acquire and Clone, and Release each once. The zero
// Handle holds nothing.
type Handle[V any] struct {
	entry    rc.Rc[V] // a strong handle to the entry's allocation
	released bool     // Release ran: entry is empty and must not be used again
}

// strong returns h's strong handle, or panics with a refmap error naming op
// if h was released or never held anything.
func (h *Handle[V]) strong(op string) *rc.Rc[V] {
	if h.released {
		panic(fmt.Errorf("refmap: %s: handle already released", op))
	}
	if h.entry.IsEmpty() {
		panic(fmt.Errorf("refmap: %s: zero Handle (make handles with Acquire or Clone)", op))
	}
	return &h.entry
}
