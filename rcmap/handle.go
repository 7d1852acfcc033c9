package rcmap

import (
	"github.com/rcbook/rcbook/internal/leak"
	"github.com/rcbook/rcbook/internal/nocopy"
)

// Handle is one holder's share of a map entry: the entry stays in the map
// while at least one Handle to it is unreleased. Get handles from Acquire,
// Join and Clone, and Release each exactly once. A Handle is a value, like
// an rc.Rc: keep it in a variable or a field, and let Acquire, Join or Clone
// fill that in (h, _, err := m.Acquire(...); s.h, _, err = m.Acquire(...)).
// It must not be copied, since a copy would be a second handle to one
// share, and releasing both would take away someone else's; go vet reports
// copies. Pass a *Handle, and put a handle into a slice or a map with Move.
// A Handle is owned by one goroutine at a time.
//
// The zero Handle holds nothing: all its methods panic. A released or moved
// Handle holds nothing either, and its methods panic saying which.
type Handle[K comparable, V any] struct {
	_     nocopy.NoCopy
	e     *entry[K, V] // nil once released or moved, and in the zero Handle
	leak  leak.Token   // stands for the handle while a test tracks leaks (checked builds only)
	spent spent        // why e is nil: released, moved, or never set (the zero Handle)
}

// spent says why a Handle holds nothing.
type spent uint8

const (
	neverHeld spent = iota // the zero Handle
	released               // Release ran
	moved                  // Move handed the share on
)

// newHandle returns a new handle to e, whose count already includes it,
// tracked for leaks if a test asked for it (leak.go). It is a value: the
// handle lives wherever the caller keeps it, so making one allocates
// nothing (but the Token, while a test tracks leaks).
func newHandle[K comparable, V any](e *entry[K, V]) Handle[K, V] {
	if leak.Minting() {
		return Handle[K, V]{e: e, leak: leak.Mint(&handleLeaks)}
	}
	// Not tracked, the common case: a load and a compare. Mint would say
	// the same, but Go 1.26 leaves Mint a call in the instantiations of
	// this generic code, where Minting is inlined.
	return Handle[K, V]{e: e}
}

// held returns h's entry, or panics with an *Error naming op if h was
// released or is the zero Handle.
func (h *Handle[K, V]) held(op string) *entry[K, V] {
	if h.e == nil {
		panic(refuseSpent(op, h.spent))
	}
	return h.e
}

// Key returns the key of h's entry. It panics with an *Error if h was
// released.
func (h *Handle[K, V]) Key() K {
	return h.held("Key").key
}

// Value returns the entry's value, the one create returned; every handle to
// the entry sees the same value. It panics with an *Error if h was
// released.
func (h *Handle[K, V]) Value() V {
	// No lock: value is never written after creation, and h's share keeps
	// the entry alive.
	return h.held("Value").value
}

// Clone returns a new handle to the same entry: its count + 1. It panics
// with an *Error if h was released, and then changes nothing.
func (h *Handle[K, V]) Clone() Handle[K, V] {
	e := h.held("Clone")
	e.m.mu.Lock()
	e.count++ // h's share keeps count >= 1: the entry is still in the map
	e.m.mu.Unlock()
	return newHandle(e)
}

// Move returns a handle holding h's share, and leaves h holding nothing:
// the entry's count does not change. It is how a handle goes into a slice,
// a map or a field the call that made it could not fill, where a plain
// copy would leave two handles to one share (go vet reports that one):
//
//	h, _, err := m.Acquire(ctx, key, create)
//	...
//	held = append(held, h.Move())
//
// Using h afterwards panics with an *Error saying it was moved. Move panics
// with an *Error if h holds nothing, and then changes nothing.
func (h *Handle[K, V]) Move() Handle[K, V] {
	e, token := h.held("Move"), h.leak // the share, and the leak check that stands for it
	*h = Handle[K, V]{spent: moved}
	return Handle[K, V]{e: e, leak: token}
}

// Release gives up h's share: the entry's count − 1. The Release that takes
// the count to 0 removes the entry from the map and then, with the map
// unlocked, runs the map's cleanup with the entry's key and value. h holds
// nothing afterwards. Release panics with an *Error if h was already
// released or is the zero Handle, and then changes nothing.
func (h *Handle[K, V]) Release() {
	e := h.held("Release")
	// Spend h before the count changes: the cleanup may panic, and h is
	// released either way.
	h.e, h.spent = nil, released
	if leak.Tracked(h.leak) { // only while a test tracks leaks; a compare otherwise
		leak.Burn(&h.leak)
	}
	m := e.m
	m.mu.Lock()
	// Not the last handle, the common case: a lock, a subtraction and an
	// unlock. The last one goes on in remove, outlined like sync.Once's
	// doSlow, in the same critical section.
	if e.count--; e.count > 0 {
		m.mu.Unlock()
		return
	}
	m.remove(e)
}
