package rc

import (
	"github.com/rcbook/rcbook/internal/nocopy"
	"github.com/rcbook/rcbook/internal/trace"
	"github.com/rcbook/rcbook/invariants"
)

// Weak is a non-owning handle to an allocation: Rust's std::rc::Weak. It
// keeps the allocation (the header) alive but not the value: once the last
// Rc is dropped the value is dropped too, and every Weak to it can still be
// asked about it, but Upgrade reports false. While the value lives, Upgrade
// returns a new strong handle. Use Weak for back-pointers (a child's
// parent, an observer's subject, a cache entry) so that they do not form an
// ownership cycle that never drops.
//
// The zero Weak is dangling, like NewWeak(): it points at nothing,
// allocates nothing, never upgrades, and may be cloned and dropped. A Weak
// must not be copied: use Clone to share, Move to transfer. After Drop or
// Move it is used up, and any further use panics.
type Weak[T any] struct {
	_     nocopy.NoCopy
	box   *box[T]          // nil when dangling or used up
	gen   uint32           // the header's generation when the handle was made (I5); see Rc.gen
	spent invariants.Spent // Dropped or Moved once the handle is used up; Never while usable
}

// NewWeak returns a dangling Weak, the same as the zero Weak, like Rust's
// Weak::new. It allocates nothing; Upgrade always fails.
func NewWeak[T any]() Weak[T] { return Weak[T]{} }

// Downgrade returns a new Weak to r's allocation: weak + 1, strong
// unchanged. It panics if r is empty or the weak count would overflow (I1).
func Downgrade[T any](r *Rc[T]) Weak[T] {
	if b := r.box; b != nil && b.tryIncWeakFast(r.gen) {
		return Weak[T]{box: b, gen: r.gen}
	}
	return downgradeSlow(r)
}

// downgradeSlow is Downgrade with every check, reached only when the fast
// path declined.
func downgradeSlow[T any](r *Rc[T]) Weak[T] {
	b := r.header(invariants.RcDowngrade)
	b.incWeak(invariants.RcDowngrade)
	return Weak[T]{box: b, gen: r.gen}
}

// header returns w's allocation, or nil if w is dangling, after checking
// that w has not been dropped or moved and that the allocation was not
// freed (I5).
func (w *Weak[T]) header(op invariants.Op) *box[T] {
	if w.spent != invariants.Never {
		if trace.Enabled {
			panic(trace.Empty(op, w.spent, w.gen))
		}
		invariants.RefuseEmpty(op, w.spent)
	}
	b := w.box
	if b != nil {
		b.checkWeak(op, w.gen)
	}
	return b
}

// used leaves w used up, and records why.
func (w *Weak[T]) used(why invariants.Spent) {
	if trace.Enabled {
		w.gen = spend(why, w.box)
	}
	w.box, w.spent = nil, why
}

// Upgrade returns a new strong handle and true if the value is still alive,
// strong + 1. If the value has been dropped (or is being dropped, or was
// moved out by MakeMut or TryUnwrap), or w is dangling, it returns an empty
// Rc and false and changes nothing: a dead value is never resurrected (I7).
func (w *Weak[T]) Upgrade() (Rc[T], bool) {
	if b := w.box; b != nil && b.tryUpgradeFast(w.gen) {
		return Rc[T]{box: b, gen: w.gen}, true
	}
	return w.upgradeSlow()
}

// upgradeSlow is Upgrade for a dangling Weak, a dead value and every misuse.
func (w *Weak[T]) upgradeSlow() (Rc[T], bool) {
	b := w.header(invariants.WeakUpgrade)
	if b == nil || !b.tryUpgrade(invariants.WeakUpgrade) {
		return Rc[T]{}, false
	}
	return own(b), true
}

// tryUpgrade adds a strong handle if, and only if, the value is still
// alive: strong > 0 (I7). A strong count of 0 means the value has been
// dropped, or is being dropped, or moved out; incrementing it would
// resurrect a dead value, so tryUpgrade leaves it alone and reports false.
// The caller has checked the header with checkWeak, so freed memory is
// never read.
func (b *box[T]) tryUpgrade(op invariants.Op) bool {
	if b.Strong == 0 {
		return false
	}
	b.incStrong(op)
	return true
}

// Clone returns another Weak to the same allocation (weak + 1), or another
// dangling Weak if w is dangling. It panics if w was dropped or moved, or
// the weak count would overflow (I1).
func (w *Weak[T]) Clone() Weak[T] {
	if b := w.box; b != nil && b.tryIncWeakFast(w.gen) {
		return Weak[T]{box: b, gen: w.gen}
	}
	return w.cloneSlow()
}

// cloneSlow is Clone for a dangling Weak, a dead value and every misuse.
func (w *Weak[T]) cloneSlow() Weak[T] {
	b := w.header(invariants.WeakClone)
	if b != nil {
		b.incWeak(invariants.WeakClone)
	}
	return Weak[T]{box: b, gen: w.gen}
}

// Move transfers w to the returned handle and leaves w used up. The counts
// do not change. It panics if w was dropped or moved.
func (w *Weak[T]) Move() Weak[T] {
	b, gen := w.header(invariants.WeakMove), w.gen
	w.used(invariants.Moved) // which may reuse w.gen (trace.go)
	return Weak[T]{box: b, gen: gen}
}

// Drop gives up w: weak − 1, freeing the allocation if w was its last owner
// of any kind (I3, I5). Dropping a dangling Weak is allowed; dropping a Weak
// twice panics.
func (w *Weak[T]) Drop() {
	if b := w.box; b != nil && b.tryDecWeakFast(w.gen) {
		w.used(invariants.Dropped)
		return
	}
	w.dropSlow()
}

// dropSlow is Drop for a dangling Weak, a dead value, the last owner of the
// allocation, and every misuse.
func (w *Weak[T]) dropSlow() {
	b := w.header(invariants.WeakDrop)
	w.used(invariants.Dropped)
	if b != nil {
		b.decWeak(invariants.WeakDrop)
	}
}

// StrongCount returns the number of strong handles to the value: 0 if w is
// dangling or the value is gone. It panics if w was dropped or moved.
func (w *Weak[T]) StrongCount() int {
	if b := w.header(invariants.WeakStrongCount); b != nil {
		return b.Strong
	}
	return 0
}

// WeakCount returns the number of Weak handles to the allocation, w
// included, without the implicit weak (I4): 0 if w is dangling or no strong
// handle remains, as in Rust's std. It panics if w was dropped or moved.
func (w *Weak[T]) WeakCount() int {
	if b := w.header(invariants.WeakWeakCount); b != nil {
		return b.weakCount()
	}
	return 0
}

// WeakPtrEq reports whether a and b point to the same allocation, like
// Rust's Weak::ptr_eq. Two dangling Weaks are equal. It never panics.
func WeakPtrEq[T any](a, b *Weak[T]) bool { return a.box == b.box }
