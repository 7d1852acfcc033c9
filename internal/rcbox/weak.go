package rcbox

import (
	"github.com/rcbook/rcbook/internal/faults"
	"github.com/rcbook/rcbook/invariants"
)

// CheckWeak panics unless a Weak of generation gen may operate on b: the
// allocation must not be freed or reused since (I5) and the header must be
// consistent. With -tags rcrelease it compiles to nothing.
func (b *Box[T]) CheckWeak(op invariants.Op, gen uint32) {
	if invariants.Enabled && (!b.WeakUsable() || b.Gen != gen) {
		invariants.RefuseHandle(op, &b.Header, gen)
	}
}

// IncWeak adds a Weak handle, checked against overflow in every build (I1).
// The caller has checked the header.
func (b *Box[T]) IncWeak(op invariants.Op) {
	if b.Weak == invariants.MaxCount && !(faults.Enabled && faults.Active(faults.UncheckedOverflow)) {
		invariants.Refuse(op, &b.Header)
	}
	b.Weak++
}

// DecWeak removes a Weak handle and frees the allocation when it was the
// last owner of any kind (I3, I5). While strong > 0 the implicit weak keeps
// weak ≥ 1 here, so only a Weak outliving every strong handle frees. The
// caller has checked the header with CheckWeak.
func (b *Box[T]) DecWeak(op invariants.Op) {
	if invariants.Enabled && b.Strong > 0 && b.Weak <= 1 {
		// The one unit left belongs to the strong handles (I4): no Weak can
		// own it. Only a Weak copied without Clone gets here.
		invariants.Refuse(op, &b.Header)
	}
	b.Weak--
	if b.Weak == 0 {
		b.free(op)
	}
}

// TryUpgrade adds a strong handle if, and only if, the value is still alive:
// strong > 0 (I7). A strong count of 0 means the value has been dropped, or
// is being dropped, or moved out; incrementing it would resurrect a dead
// value, so TryUpgrade leaves it alone and reports false. The caller has
// checked the header with CheckWeak, so freed memory is never read.
func (b *Box[T]) TryUpgrade(op invariants.Op) bool {
	if b.Strong == 0 && !(faults.Enabled && faults.Active(faults.UpgradeResurrects)) {
		return false
	}
	b.IncStrong(op)
	return true
}

// free ends the allocation: both counts are 0 (I5). The header is poisoned
// by its Freed state, so any later access through a stale handle panics as a
// use after free instead of silently reading a header the garbage collector
// kept alive. A header from a pool goes back to it, and its next life will
// have a new generation, which keeps stale handles refused.
func (b *Box[T]) free(op invariants.Op) {
	b.State = invariants.Freed
	live.Add(-1)
	stop(&b.leak)
	if invariants.Enabled {
		invariants.Verify(op, &b.Header)
	}
	if b.home != nil {
		b.home.recycle(b) // only now: strong and weak are both 0 (I5)
	}
}
