package rc

import (
	"github.com/rcbook/rcbook/internal/trace"
	"github.com/rcbook/rcbook/invariants"
)

// NewCyclic allocates a value that holds a Weak to itself, like Rust's
// Rc::new_cyclic. build receives a Weak to the allocation before the value
// exists; it may clone that Weak into the value (or move it there), but it
// cannot upgrade it: the strong count is 0 until build returns (I7). When
// build returns, the value is stored, strong becomes 1, and from then on
// the Weaks build made upgrade. This is how a tree node gets a parent
// pointer to a parent that is still being built, without a placeholder.
//
// If build panics, no value exists and no destructor runs; the Weak passed
// to build is released, the allocation is freed unless a Weak escaped (then
// it never upgrades), and the panic propagates.
func NewCyclic[T any](build func(self *Weak[T]) T) Rc[T] {
	const op = invariants.RcNewCyclic
	b := newUninit[T]() // strong 0, weak 2: self + the reserved implicit weak (I4)
	self := Weak[T]{box: b}
	built := false
	defer func() {
		if self.spent == invariants.Never {
			self.Drop() // the Weak handed to build is only on loan to it
		}
		if !built {
			b.abandon(op)
		}
	}()
	value := build(&self)
	b.init(op, value)
	built = true
	return own(b)
}

// newUninit allocates a header for NewCyclic, before the value exists:
// strong 0, so no Upgrade can succeed while the value is being built (I7),
// and weak 2 — the Weak handed to the build function, plus the implicit weak
// reserved up front (I4). Reserving it now means the build function cannot
// free the allocation by dropping or moving its Weak.
func newUninit[T any]() *box[T] {
	live.Add(1)
	b := &box[T]{Header: invariants.Header{Weak: 2, State: invariants.Uninit}}
	b.trackLeak()
	return b
}

// init stores the built value and brings the allocation to life: strong
// 0 → 1, and the reserved unit becomes the implicit weak (I4). From here
// Weaks made during the build can upgrade.
func (b *box[T]) init(op invariants.Op, value T) {
	if invariants.Enabled && (b.State != invariants.Uninit || !b.Consistent()) {
		invariants.Refuse(op, &b.Header)
	}
	b.value = value
	b.Strong = 1
	b.State = invariants.Alive
	if trace.Enabled {
		b.note()
	}
	if invariants.Enabled {
		invariants.Verify(op, &b.Header)
	}
}

// abandon gives up an allocation whose value was never built, because the
// build function panicked. No value exists, so no destructor runs (I2); the
// reserved implicit weak is released, which frees the allocation unless a
// Weak made during the build escaped (I3, I5). Such a Weak then upgrades to
// nothing, exactly as if the value had already been dropped.
func (b *box[T]) abandon(op invariants.Op) {
	b.endValue(op)
	b.releaseImplicitWeak(op)
}
