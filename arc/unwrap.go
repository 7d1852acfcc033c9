package arc

import "github.com/rcbook/rcbook/invariants"

// UnwrapOrClone always consumes a and returns the value, Rust's
// Arc::unwrap_or_clone: if a is the only strong handle, the value is taken
// out as TryUnwrap does, with a compare-and-swap of strong from 1 to 0, so
// that no Upgrade on another goroutine can slip in (Weaks then find it
// gone, I7); otherwise clone copies the value for the caller and a's share
// is dropped, on this goroutine. a is empty afterwards either way.
//
// Between the copy and the drop, other owners may let go; then a's drop is
// the last, and the destructor runs here, on the original. The copy is the
// caller's and has no cleanup. UnwrapOrClone panics if a is empty or clone
// is nil, or if clone drops, moves or replaces a (before any count
// changes); if clone panics, a is unchanged.
func (a *Arc[T]) UnwrapOrClone(clone func(T) T) T {
	const op = invariants.ArcUnwrapOrClone
	b := a.header(op)
	if clone == nil {
		invariants.Misuse(op, "nil clone function")
	}
	if b.strong.CompareAndSwap(1, 0) { // the only strong handle: take the value (I7: no Upgrade sees 0 → 1)
		a.box, a.spent = nil, invariants.Unwrapped
		value, _ := b.moveOut(op)
		return value
	}
	// a holds a share, so the value stays alive while clone reads it, and
	// other owners only read it too (Get is a shared borrow).
	copied := clone(b.value)
	if a.box != b {
		// clone reached a itself and dropped, moved or replaced it; its
		// share is no longer a's to give up.
		invariants.Misuse(op, "the clone function dropped, moved or replaced the handle")
	}
	a.box, a.spent = nil, invariants.Unwrapped
	b.dropStrong(op)
	return copied
}
