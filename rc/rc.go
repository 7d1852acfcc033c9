package rc

import (
	"github.com/rcbook/rcbook/internal/nocopy"
	"github.com/rcbook/rcbook/internal/trace"
	"github.com/rcbook/rcbook/invariants"
)

// Rc is a strong handle: it shares ownership of one value with every handle
// cloned from it. The zero Rc is an empty handle that owns nothing; every
// method but IsEmpty and Observe panics on an empty handle.
//
// An Rc must not be copied: use Clone to share, Move to transfer.
type Rc[T any] struct {
	_ nocopy.NoCopy
	// box is the allocation, nil when the handle is empty.
	box *box[T]
	// gen is the header's generation when this handle was made. A pool
	// reuses headers, and a handle that outlived its allocation then finds
	// a newer generation and is refused (I5); New's headers stay at 0.
	// Once the handle is empty, -tags rctrace keeps a record number here.
	gen uint32
	// spent says why the handle is empty: Never for the zero Rc, then
	// Dropped, Moved or Unwrapped. It means nothing while box is set.
	spent invariants.Spent
}

// Dropper is implemented by values that need cleanup when the last strong
// handle goes: Drop is their destructor, called exactly once. A value of type
// T is checked through *T, so both receivers work; a nil pointer value is
// not asked. Package arc calls the same method, on the goroutine that drops
// the last strong handle. A value that owns other Rcs should implement
// QueueDropper instead: a Drop that drops them nests one destructor inside
// another, as deep as the list or tree is long.
type Dropper interface{ Drop() }

// New allocates value with strong count 1 and weak count 0 (the implicit weak
// is not shown, I4), and returns the first strong handle to it.
func New[T any](value T) Rc[T] {
	return own(newBox(value, nil))
}

// NewWithCleanup is New with a destructor: cleanup runs exactly once, when
// the last strong handle is dropped, before the value's own Drop method if it
// has one. If TryUnwrap or IntoInner takes the value back, cleanup never
// runs: the caller owns the value from then on.
func NewWithCleanup[T any](value T, cleanup func(T)) Rc[T] {
	return own(newBox(value, cleanup))
}

// own wraps a header whose strong count already includes the new handle.
// The handle belongs to the header's current generation.
func own[T any](b *box[T]) Rc[T] {
	return Rc[T]{box: b, gen: b.Gen}
}

// empty leaves r owning nothing, and records why.
func (r *Rc[T]) empty(why invariants.Spent) {
	if trace.Enabled {
		r.gen = spend(why, r.box)
	}
	r.box, r.spent = nil, why
}

// header returns the allocation r points at, after checking that r is not
// empty and that a strong handle may use the header. Every slow path and
// every less frequent operation passes it, so a refused operation has
// changed nothing.
func (r *Rc[T]) header(op invariants.Op) *box[T] {
	b := r.box
	if b == nil {
		if trace.Enabled {
			panic(trace.Empty(op, r.spent, r.gen))
		}
		invariants.RefuseEmpty(op, r.spent)
	}
	b.checkStrong(op, r.gen)
	return b
}

// Clone returns a new strong handle to the same value: strong + 1.
// It panics if r is empty or the strong count would overflow (I1).
//
// Clone has no slow path to call: a live handle can always be cloned, so
// whatever makes the fast path decline is a misuse or an overflow, and the
// panic records the header for *invariants.Error to diagnose. Keeping calls
// out keeps Clone small enough to be inlined (cost 79 of 80, chapter 11).
func (r *Rc[T]) Clone() Rc[T] {
	b := r.box
	if b == nil {
		if trace.Enabled {
			panic(trace.Empty(invariants.RcClone, r.spent, r.gen))
		}
		panic(&invariants.Error{Op: invariants.RcClone, Empty: true, Spent: r.spent})
	}
	if !b.tryIncStrongFast(r.gen) {
		panic(&invariants.Error{Op: invariants.RcClone, Header: b.Header, Gen: r.gen})
	}
	return Rc[T]{box: b, gen: r.gen}
}

// Move transfers ownership to the returned handle and leaves r empty. The
// counts do not change. It panics if r is empty.
func (r *Rc[T]) Move() Rc[T] {
	b := r.header(invariants.RcMove)
	r.empty(invariants.Moved)
	return own(b)
}

// Drop gives up r's share and leaves r empty: strong − 1. Dropping the last
// strong handle drops the value, then releases the implicit weak, which
// frees the allocation unless Weaks remain (I2, I4, I5). Drop panics if r is
// empty; if the value's destructor panics, the drop still completes and the
// panic propagates.
//
// The common case, a handle that is not the last, is dropFast (fast.go).
// Drop passes it the slow path as a function literal rather than letting
// it call dropSlow by name: Go's inliner charges a call through a parameter
// 17 instead of 57, which is what lets Drop be inlined (cost 78 of 80,
// chapter 11). A literal, because a method value or method expression of a
// generic type costs more here (89).
func (r *Rc[T]) Drop() {
	dropFast(r, func(r *Rc[T]) { r.dropSlow() })
}

// dropSlow is Drop for the last strong handle and for every misuse: it
// checks the header, empties the handle before the destructor can run, and
// lets the header drop the value.
func (r *Rc[T]) dropSlow() {
	b := r.header(invariants.RcDrop)
	r.empty(invariants.Dropped)
	if b.returnsAtOnce() {
		b.dropToPool(invariants.RcDrop) // the last handle to a plain pooled value (pool.go)
		return
	}
	b.decStrong(invariants.RcDrop)
}

// Get returns a pointer to the shared value. Treat it as a shared borrow:
// valid while r is held, and not for writing while other handles can read
// (use GetMut or MakeMut to write). It panics if r is empty.
func (r *Rc[T]) Get() *T {
	return &r.header(invariants.RcGet).value
}

// StrongCount returns the number of strong handles to the value, r included.
// It panics if r is empty.
func (r *Rc[T]) StrongCount() int {
	return r.header(invariants.RcStrongCount).Strong
}

// WeakCount returns the number of Weak handles to the allocation. The
// implicit weak that the strong handles share is not counted (I4).
// It panics if r is empty.
func (r *Rc[T]) WeakCount() int {
	return r.header(invariants.RcWeakCount).weakCount()
}

// IsEmpty reports whether r owns nothing: it is the zero Rc, or it was
// dropped, moved out or consumed. It never panics.
func (r *Rc[T]) IsEmpty() bool { return r.box == nil }

// PtrEq reports whether a and b point to the same allocation, like Rust's
// Rc::ptr_eq. Two empty handles are equal; an empty and a full one are not.
// It never panics.
func PtrEq[T any](a, b *Rc[T]) bool { return a.box == b.box }
