package weak

import (
	"github.com/rcbook/rcbook/internal/rcbox"
	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rc"
)

// Weak is a non-owning handle to an rc allocation. The zero Weak is
// dangling: it points at nothing and never upgrades. A Weak must not be
// copied: use Clone to share, Move to transfer.
type Weak[T any] struct {
	_     rcbox.NoCopy
	box   *rcbox.Box[T]    // nil when dangling or spent
	gen   uint32           // the header's generation when the handle was made (I5)
	spent invariants.Spent // Dropped or Moved once the handle is used up; Never while usable
}

// New returns a dangling Weak. It allocates nothing; Upgrade always fails.
func New[T any]() Weak[T] { return Weak[T]{} }

// Downgrade returns a new Weak to r's allocation: weak + 1, strong unchanged.
// It panics if r is empty or the weak count would overflow (I1).
func Downgrade[T any](r *rc.Rc[T]) Weak[T] {
	if b := r.Header(rcbox.Bridge); b != nil && b.TryIncWeakFast(r.Generation(rcbox.Bridge)) {
		return Weak[T]{box: b, gen: b.Gen}
	}
	return downgradeSlow(r)
}

// downgradeSlow is Downgrade with every check, reached only when the fast
// path declined.
func downgradeSlow[T any](r *rc.Rc[T]) Weak[T] {
	b := r.CheckedHeader(rcbox.Bridge, invariants.WeakDowngrade)
	b.IncWeak(invariants.WeakDowngrade)
	return Weak[T]{box: b, gen: b.Gen}
}

// header returns w's allocation, or nil if w is dangling, after checking
// that w has not been dropped or moved and that the allocation was not
// freed (I5).
func (w *Weak[T]) header(op invariants.Op) *rcbox.Box[T] {
	if w.spent != invariants.Never {
		invariants.RefuseEmpty(op, w.spent)
	}
	b := w.box
	if b != nil {
		b.CheckWeak(op, w.gen)
	}
	return b
}

// Upgrade returns a new strong handle and true if the value is still alive,
// strong + 1. If the value has been dropped (or is being dropped, or was
// moved out by MakeMut or TryUnwrap), or w is dangling, it returns an empty
// Rc and false and changes nothing: a dead value is never resurrected (I7).
func (w *Weak[T]) Upgrade() (rc.Rc[T], bool) {
	if b := w.box; b != nil && b.TryUpgradeFast(w.gen) {
		return rc.FromHeader(rcbox.Bridge, b), true
	}
	return w.upgradeSlow()
}

// upgradeSlow is Upgrade for a dangling Weak, a dead value and every misuse.
func (w *Weak[T]) upgradeSlow() (rc.Rc[T], bool) {
	b := w.header(invariants.WeakUpgrade)
	if b == nil || !b.TryUpgrade(invariants.WeakUpgrade) {
		return rc.Rc[T]{}, false
	}
	return rc.FromHeader(rcbox.Bridge, b), true
}

// Clone returns another Weak to the same allocation (weak + 1), or another
// dangling Weak if w is dangling. It panics if the weak count would
// overflow (I1).
func (w *Weak[T]) Clone() Weak[T] {
	if b := w.box; b != nil && b.TryIncWeakFast(w.gen) {
		return Weak[T]{box: b, gen: w.gen}
	}
	return w.cloneSlow()
}

// cloneSlow is Clone for a dangling Weak, a dead value and every misuse.
func (w *Weak[T]) cloneSlow() Weak[T] {
	b := w.header(invariants.WeakClone)
	if b != nil {
		b.IncWeak(invariants.WeakClone)
	}
	return Weak[T]{box: b, gen: w.gen}
}

// Move transfers w to the returned handle and leaves w empty. The counts do
// not change.
func (w *Weak[T]) Move() Weak[T] {
	b := w.header(invariants.WeakMove)
	w.box, w.spent = nil, invariants.Moved
	return Weak[T]{box: b, gen: w.gen}
}

// Drop gives up w: weak − 1, freeing the allocation if w was its last owner
// of any kind (I3, I5). Dropping a dangling Weak is allowed; dropping a Weak
// twice panics.
func (w *Weak[T]) Drop() {
	if b := w.box; b != nil && b.TryDecWeakFast(w.gen) {
		w.box, w.spent = nil, invariants.Dropped
		return
	}
	w.dropSlow()
}

// dropSlow is Drop for a dangling Weak, a dead value, the last owner of the
// allocation, and every misuse.
func (w *Weak[T]) dropSlow() {
	b := w.header(invariants.WeakDrop)
	w.box, w.spent = nil, invariants.Dropped
	if b != nil {
		b.DecWeak(invariants.WeakDrop)
	}
}

// StrongCount returns the number of strong handles to the value: 0 if w is
// dangling or the value is gone.
func (w *Weak[T]) StrongCount() int {
	if b := w.header(invariants.WeakStrongCount); b != nil {
		return b.Strong
	}
	return 0
}

// WeakCount returns the number of Weak handles to the allocation, w
// included, without the implicit weak (I4): 0 if w is dangling or no strong
// handle remains, as in Rust's std.
func (w *Weak[T]) WeakCount() int {
	if b := w.header(invariants.WeakWeakCount); b != nil {
		return b.WeakCount()
	}
	return 0
}

// PtrEq reports whether a and b point to the same allocation. Two dangling
// Weaks are equal, as in Rust's std. It never panics.
func PtrEq[T any](a, b *Weak[T]) bool { return a.box == b.box }
