package rc

import "github.com/rcbook/rcbook/invariants"

// isUnique reports whether the caller's strong handle is the only way to
// reach the value: strong == 1 and no Weak exists, i.e. the raw weak count
// is just the implicit weak (I6).
//
// Checking strong == 1 alone is the tempting wrong rule: a Weak could then
// Upgrade while the caller mutates through GetMut, and two handles would
// alias a value one of them believes it owns exclusively.
func (b *box[T]) isUnique() bool {
	return b.Strong == 1 && b.Weak == 1
}

// GetMut returns a mutable pointer to the value only if r is the sole way to
// reach it: strong == 1 and no Weak exists (Rust's is_unique, I6). Otherwise
// it returns nil, false and changes nothing.
//
// The rule "strong == 1" alone is unsound: a Weak could Upgrade while the
// caller writes through the pointer, and the new strong handle would read a
// value that someone else believes is theirs alone. TryUnwrap needs only
// strong == 1, because it takes the value out and leaves the Weaks a dead
// allocation. GetMut panics if r is empty.
func (r *Rc[T]) GetMut() (*T, bool) {
	b := r.header(invariants.RcGetMut)
	if !b.isUnique() { // I6
		return nil, false
	}
	return &b.value, true
}

// MakeMut returns a mutable pointer to a value that r alone owns, copying
// only when it must (clone on write), exactly as Rust's Rc::make_mut:
//
//   - other strong handles exist: clone(value) goes into a new allocation
//     that r now points at, and the others keep the original (strong − 1);
//   - only Weaks exist: the value moves to a new allocation without being
//     cloned or dropped; the old allocation is left to the Weaks, which can
//     no longer upgrade (I2, I7);
//   - r is unique (I6): the value is mutated in place.
//
// A new allocation keeps the value's cleanup, and comes from the same pool
// if the original did. MakeMut panics if r is empty or clone is nil, or if
// clone drops, moves or replaces r itself; if clone panics, nothing has
// changed.
func (r *Rc[T]) MakeMut(clone func(T) T) *T {
	b := r.header(invariants.RcMakeMut)
	if clone == nil {
		invariants.Misuse(invariants.RcMakeMut, "nil clone function")
	}
	switch {
	case b.Strong != 1:
		copied := clone(b.value)
		if r.box != b {
			// clone reached r itself and dropped, moved or replaced it. Its
			// share is no longer r's to give up; refuse before counting.
			invariants.Misuse(invariants.RcMakeMut, "the clone function dropped, moved or replaced the handle")
		}
		*r = own(b.sibling(copied, b.cleanup))
		// Strong was ≥ 2, so the value usually stays with the others; but
		// clone may have dropped them, and then this is the last drop.
		b.decStrong(invariants.RcMakeMut)
	case b.Weak != 1:
		*r = own(b.sibling(b.moveOut(invariants.RcMakeMut)))
	}
	return &r.box.value
}

// TryUnwrap takes the value out if r is the only strong handle (Weaks may
// exist, I6): r becomes empty, the value is returned without running its
// destructor or cleanup (the caller owns the value, and cleaning it up is
// the caller's business now), the Weaks find the value gone (I7), and the
// allocation is freed if no Weak remains (I5). Otherwise it returns the
// zero T and false, and r is unchanged. It panics if r is empty.
func (r *Rc[T]) TryUnwrap() (T, bool) {
	b := r.header(invariants.RcTryUnwrap)
	if b.Strong != 1 {
		var zero T
		return zero, false
	}
	r.empty(invariants.Unwrapped)
	value, _ := b.moveOut(invariants.RcTryUnwrap)
	return value, true
}

// IntoInner always consumes r. If r was the last strong handle it returns
// the value as TryUnwrap does; otherwise it drops r's share and returns the
// zero T and false. It is Rust's Rc::into_inner, which for Rc is
// TryUnwrap(...).ok() with r consumed either way: when every owner calls
// IntoInner, one after the other, exactly the last gets the value. It
// panics if r is empty.
func (r *Rc[T]) IntoInner() (T, bool) {
	b := r.header(invariants.RcIntoInner)
	r.empty(invariants.Unwrapped)
	if b.Strong == 1 {
		value, _ := b.moveOut(invariants.RcIntoInner)
		return value, true
	}
	b.decStrong(invariants.RcIntoInner) // strong was ≥ 2: cannot reach 0 here
	var zero T
	return zero, false
}
