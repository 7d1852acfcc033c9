package rc

import "github.com/rcbook/rcbook/invariants"

// UnwrapOrClone always consumes r and returns the value, Rust's
// Rc::unwrap_or_clone: if r was the only strong handle, the value is taken
// out as TryUnwrap does (Weaks may exist; they then find it gone, I6, I7)
// and no copy is made; otherwise clone makes a copy for the caller and r's
// share is dropped, leaving the value with its other owners. r is empty
// afterwards either way.
//
// The value's cleanup does not run for the caller's value: taken out, it is
// the caller's to clean up; copied, the original keeps its cleanup for its
// last owner. UnwrapOrClone panics if r is empty or clone is nil, or if
// clone drops, moves or replaces r (before any count changes); if clone
// panics, nothing has changed.
func (r *Rc[T]) UnwrapOrClone(clone func(T) T) T {
	const op = invariants.RcUnwrapOrClone
	b := r.header(op)
	if clone == nil {
		invariants.Misuse(op, "nil clone function")
	}
	if b.Strong == 1 { // r alone owns the value: take it, no copy (I6 asks only strong == 1 here)
		r.empty(invariants.Unwrapped)
		value, _ := b.moveOut(op)
		return value
	}
	copied := clone(b.value)
	if r.box != b {
		// clone reached r itself and dropped, moved or replaced it; its
		// share is no longer r's to give up.
		invariants.Misuse(op, "the clone function dropped, moved or replaced the handle")
	}
	r.empty(invariants.Unwrapped)
	// Strong was ≥ 2, so the value usually stays with the others; but clone
	// may have dropped them, and then this is the last drop.
	b.decStrong(op)
	return copied
}
