package rc

import (
	"github.com/rcbook/rcbook/internal/rcbox"
	"github.com/rcbook/rcbook/invariants"
)

// Rc is a strong handle: it shares ownership of one value with every handle
// cloned from it. The zero Rc is an empty handle that owns nothing; every
// method but IsEmpty and PtrEq panics on an empty handle.
//
// An Rc must not be copied: use Clone to share, Move to transfer.
type Rc[T any] struct {
	_    rcbox.NoCopy
	box  *rcbox.Box[T] // nil when the handle is empty
	gone rcbox.Spent   // why box is nil
}

// Dropper is implemented by values that need cleanup when the last strong
// handle goes: Drop is their destructor, called exactly once. A value of type
// T is checked through *T, so both receivers work.
type Dropper interface{ Drop() }

// New allocates value with strong count 1 and weak count 0 (the implicit weak
// is not shown, I4), and returns the first strong handle to it.
func New[T any](value T) Rc[T] {
	return Rc[T]{box: rcbox.New(value, nil)}
}

// NewWithCleanup is New with a destructor: cleanup runs exactly once, when
// the last strong handle is dropped, before the value's own Drop method if it
// has one. It does not run if TryUnwrap or IntoInner takes the value back:
// the caller then owns the value and its cleanup.
func NewWithCleanup[T any](value T, cleanup func(T)) Rc[T] {
	return Rc[T]{box: rcbox.New(value, cleanup)}
}

// header returns the allocation r points at, after checking that r is not
// empty and that a strong handle may use the header. It is the one gate
// every operation passes, so a refused operation has changed nothing.
func (r *Rc[T]) header(op invariants.Op) *rcbox.Box[T] {
	b := r.box
	if b == nil {
		r.refuseEmpty(op)
	}
	b.CheckStrong(op)
	return b
}

// refuseEmpty is outlined so that the panic path stays out of the inlined
// fast paths.
func (r *Rc[T]) refuseEmpty(op invariants.Op) {
	invariants.Fail(op, "", r.gone.Problem())
}

// Clone returns a new strong handle to the same value: strong + 1.
// It panics if r is empty or the strong count would overflow (I1).
func (r *Rc[T]) Clone() Rc[T] {
	b := r.header(invariants.RcClone)
	b.IncStrong(invariants.RcClone)
	return Rc[T]{box: b}
}

// Move transfers ownership to the returned handle and leaves r empty. The
// counts do not change. It panics if r is empty.
func (r *Rc[T]) Move() Rc[T] {
	b := r.header(invariants.RcMove)
	r.box, r.gone = nil, rcbox.Moved
	return Rc[T]{box: b}
}

// Drop gives up r's share and leaves r empty: strong − 1. Dropping the last
// strong handle drops the value, then releases the implicit weak, which
// frees the allocation unless Weaks remain (I2, I4, I5). Drop panics if r is
// empty; if the value's destructor panics, the drop still completes and the
// panic propagates.
func (r *Rc[T]) Drop() {
	b := r.header(invariants.RcDrop)
	r.box, r.gone = nil, rcbox.Dropped // empty before the destructor can run
	b.DecStrong(invariants.RcDrop)
}

// Get returns a pointer to the shared value. Treat it as a shared borrow:
// valid while r is held, and not for writing while other handles can read
// (use GetMut or MakeMut to write). It panics if r is empty.
func (r *Rc[T]) Get() *T {
	return r.header(invariants.RcGet).Value()
}

// StrongCount returns the number of strong handles to the value, r included.
// It panics if r is empty.
func (r *Rc[T]) StrongCount() int {
	return r.header(invariants.RcStrongCount).Strong()
}

// WeakCount returns the number of Weak handles to the allocation. The
// implicit weak that the strong handles share is not counted (I4).
// It panics if r is empty.
func (r *Rc[T]) WeakCount() int {
	return r.header(invariants.RcWeakCount).WeakCount()
}

// IsEmpty reports whether r owns nothing: it is the zero Rc, or it was
// dropped, moved out or consumed. It never panics.
func (r *Rc[T]) IsEmpty() bool { return r.box == nil }

// PtrEq reports whether a and b point to the same allocation, like Rust's
// Rc::ptr_eq. Two empty handles are equal; an empty and a full one are not.
// It never panics.
func PtrEq[T any](a, b *Rc[T]) bool { return a.box == b.box }

// LiveAllocations returns the number of allocations made by rc and weak and
// not yet freed, across all types. Tests use it to prove that nothing leaked.
func LiveAllocations() int { return rcbox.Live() }
