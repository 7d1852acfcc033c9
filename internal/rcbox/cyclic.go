package rcbox

import (
	"github.com/rcbook/rcbook/internal/faults"
	"github.com/rcbook/rcbook/invariants"
)

// NewUninit allocates a header for NewCyclic, before the value exists:
// strong 0, so no Upgrade can succeed while the value is being built (I7),
// and weak 2 — the Weak handed to the build function, plus the implicit weak
// reserved up front (I4). Reserving it now means the build function cannot
// free the allocation by dropping or moving its Weak.
func NewUninit[T any]() *Box[T] {
	live.Add(1)
	b := &Box[T]{Header: invariants.Header{Weak: 2, State: invariants.Uninit}}
	if faults.Enabled && faults.Active(faults.CyclicUpgradable) {
		b.Strong, b.State = 1, invariants.Alive // the bug: alive before the value exists
	}
	if invariants.Enabled {
		b.trackLeak()
	}
	return b
}

// Init stores the built value and brings the allocation to life: strong
// 0 → 1, and the reserved unit becomes the implicit weak (I4). From here
// Weaks made during the build can upgrade.
func (b *Box[T]) Init(op invariants.Op, value T) {
	if invariants.Enabled && (b.State != invariants.Uninit || !b.Consistent()) && !(faults.Enabled && faults.Active(faults.CyclicUpgradable)) {
		invariants.Refuse(op, &b.Header)
	}
	b.value = value
	b.Strong = 1
	b.State = invariants.Alive
	if invariants.Enabled {
		invariants.Verify(op, &b.Header)
	}
}

// Abandon gives up an allocation whose value was never built, because the
// build function panicked. No value exists, so no destructor runs (I2); the
// reserved implicit weak is released, which frees the allocation unless a
// Weak made during the build escaped (I3, I5). Such a Weak then upgrades to
// nothing, exactly as if the value had already been dropped.
func (b *Box[T]) Abandon(op invariants.Op) {
	b.endValueAndReleaseImplicitWeak(op)
}
