package rc

import "github.com/rcbook/rcbook/invariants"

// Observer is a view of one allocation that owns nothing: it counts in
// neither the strong nor the weak count, so holding one changes nothing
// about when the value is dropped or the allocation freed. It only looks:
// it reports the header as it is now, dropped, freed or reused by a pool
// included, and hands out a copy of the value only while that value is
// alive. Rust has no safe equivalent (the nearest is the raw pointer of
// Rc::as_ptr); in Go it is memory-safe, because the collector keeps the
// header while anything points at it.
//
// Observers exist for tools that draw allocations, such as rcbook play,
// which must show an allocation after its last handle has gone; a program
// that owns or borrows a value wants an Rc or a Weak instead. The zero
// Observer observes nothing. Observers are comparable: two are equal
// exactly when they observe the same life of the same allocation (the same
// header, in the same generation).
type Observer[T any] struct {
	box *box[T] // nil for the zero Observer
	gen uint32  // the generation of the handle it was made from
}

// Observe returns an Observer of r's allocation, or the zero Observer if r
// is empty. It never panics, even for a handle whose allocation was freed.
func (r *Rc[T]) Observe() Observer[T] { return observe(r.box, r.gen) }

// Observe returns an Observer of w's allocation, or the zero Observer if w
// is dangling or used up. It never panics.
func (w *Weak[T]) Observe() Observer[T] { return observe(w.box, w.gen) }

// observe is the Observer of b in generation gen, or the zero Observer if
// b is nil: an empty handle keeps the generation it had, which must not
// make its Observer differ from the zero one.
func observe[T any](b *box[T], gen uint32) Observer[T] {
	if b == nil {
		return Observer[T]{}
	}
	return Observer[T]{box: b, gen: gen}
}

// Header returns a copy of the observed header as it is now: the strong
// count, the raw weak count (the implicit weak included while strong > 0
// or the value is being built or dropped, I4), the state and the header's
// current generation. If that generation differs from Gen, a pool has
// since handed the header to a later allocation. ok is false for the zero
// Observer.
func (o Observer[T]) Header() (h invariants.Header, ok bool) {
	if o.box == nil {
		return invariants.Header{}, false
	}
	return o.box.Header, true
}

// Gen returns the generation of the allocation the Observer was made for:
// 0 for New's, 1 and up for a pool's (see invariants.Header.Gen).
func (o Observer[T]) Gen() uint32 { return o.gen }

// Value returns a copy of the value if the observed allocation is still
// alive, and the zero T and false otherwise.
func (o Observer[T]) Value() (T, bool) {
	if o.box == nil || o.box.State != invariants.Alive || o.box.Gen != o.gen {
		var zero T
		return zero, false
	}
	return o.box.value, true
}

// SameHeader reports whether o and p observe the same header, whatever
// generation each was made for: the same allocation, or two lives of one
// header that a pool reused. Two zero Observers observe nothing, and are
// not the same header.
func (o Observer[T]) SameHeader(p Observer[T]) bool { return o.box != nil && o.box == p.box }
