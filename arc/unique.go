package arc

import (
	"github.com/rcbook/rcbook/internal/trace"
	"github.com/rcbook/rcbook/invariants"
)

// isUnique reports whether the caller's strong handle is the only way to
// reach the value: strong == 1 and no Weak exists (I6). The caller holds a
// strong handle and has it to itself.
//
// The two counts cannot be read together, and reading them one after the
// other is the tempting wrong implementation. Both orders fail against a
// goroutine B that juggles its handles:
//
//   - weak, then strong: we read weak == 1 (B holds a second Arc, no Weak);
//     B downgrades it (weak 2) and drops the Arc (strong 1); we read
//     strong == 1 and call ourselves unique while B's Weak can upgrade.
//   - strong, then weak: we read strong == 1 (B holds a Weak only); B
//     upgrades (strong 2) and drops the Weak (weak 1); we read weak == 1
//     and call ourselves unique while B holds a strong handle.
//
// Both races need B to create a handle between our two reads. The weak lock
// forbids exactly that. A compare-and-swap takes weak from 1 to weakLocked:
// it succeeds only if no Weak exists at that instant, and while weak holds
// weakLocked no Weak can appear, because Downgrade waits for the lock and
// Weak.Clone and Upgrade need a Weak to start from. Then strong is read: if
// it is 1, ours is the only strong handle, and no other can appear either
// (Clone needs a strong handle, Upgrade a Weak). So at the instant of that
// read the value is ours alone, and it stays ours after the unlock until we
// clone or downgrade it ourselves. The unlock stores 1, the value the lock
// replaced.
//
// The lock is held for the compare-and-swap, one load and one store: no
// user code, no allocation, nothing that blocks. That is why Downgrade may
// simply wait for it (downgradeSlow). Go's atomics are sequentially
// consistent, so the load of strong also observes every Drop that took
// strong down to 1, and everything those owners did with the value happened
// before our caller writes to it.
func (b *box[T]) isUnique() bool {
	if !b.weak.CompareAndSwap(1, weakLocked) {
		return false // a Weak exists, or another handle holds the lock: then strong ≥ 2
	}
	unique := b.strong.Load() == 1
	b.weak.Store(1) // unlock
	return unique
}

// GetMut returns a mutable pointer to the value only if a is the sole way to
// reach it, on any goroutine: strong == 1 and no Weak exists (I6).
// Otherwise it returns nil, false and changes nothing. The pointer is valid
// while a is held and not cloned or downgraded; those would share again a
// value GetMut has lent out for writing. GetMut panics if a is empty. It
// needs a to itself: two goroutines calling GetMut on one handle would both
// be told they own it.
//
// strong == 1 alone is not enough: a Weak could Upgrade on another goroutine
// while the caller writes through the pointer. isUnique explains how both
// counts are checked at one instant, with the weak lock.
func (a *Arc[T]) GetMut() (*T, bool) {
	b := a.header(invariants.ArcGetMut)
	if !b.isUnique() { // I6
		return nil, false
	}
	return &b.value, true
}

// MakeMut returns a mutable pointer to a value that a alone owns, copying
// only when it must (clone on write), like rc's MakeMut:
//
//   - a is unique (I6): the value is mutated in place;
//   - a is the only strong handle but Weaks exist: the value moves to a new
//     allocation without being cloned or dropped, and the old allocation is
//     left to the Weaks, which can no longer upgrade (I2, I7);
//   - other strong handles exist: clone(value) goes into a new allocation
//     that a now points at, and a's share of the original is dropped
//     (strong − 1), which is the last drop if the others went meanwhile.
//
// The move takes strong from 1 to 0 with a compare-and-swap, as TryUnwrap
// does, and never puts it back: a Weak that failed to upgrade in that window
// really did find the value gone from its allocation. The cases are decided
// at the instant of one atomic operation each, so with other goroutines at
// work a Weak dropped just before the move still leads to a move rather
// than an in-place write; no handle is left that could tell the difference.
//
// A new allocation keeps the value's cleanup. MakeMut panics if a is empty
// or clone is nil, or if clone drops, moves or replaces a itself; if clone
// panics, nothing has changed. Like GetMut it needs a to itself.
func (a *Arc[T]) MakeMut(clone func(T) T) *T {
	b := a.header(invariants.ArcMakeMut)
	if clone == nil {
		invariants.Misuse(invariants.ArcMakeMut, "nil clone function")
	}
	switch {
	case b.isUnique(): // I6: in place
	case b.strong.CompareAndSwap(1, 0): // only Weaks besides a: move out (I2, I7)
		a.box = newBox(b.moveOut(invariants.ArcMakeMut))
	default: // other strong handles: clone
		copied := clone(b.value)
		if a.box != b {
			// clone reached a itself and dropped, moved or replaced it. Its
			// share is no longer a's to give up; refuse before counting.
			invariants.Misuse(invariants.ArcMakeMut, "the clone function dropped, moved or replaced the handle")
		}
		a.box = newBox(copied, b.cleanup)
		b.dropStrong(invariants.ArcMakeMut)
	}
	return &a.box.value
}

// TryUnwrap takes the value out if a is the only strong handle (Weaks may
// exist, I6): a becomes empty, the value is returned without running its
// destructor or cleanup (the caller owns it now), the Weaks find the value
// gone (I7), and the allocation is freed if no Weak remains (I5). Otherwise
// it returns the zero T and false, and a is unchanged. It panics if a is
// empty.
//
// The test and the take are one compare-and-swap of strong from 1 to 0, so
// no Upgrade can slip in between. When several goroutines each call
// TryUnwrap on their own handle, all of them may fail; use IntoInner when
// exactly one of them must get the value.
func (a *Arc[T]) TryUnwrap() (T, bool) {
	b := a.header(invariants.ArcTryUnwrap)
	if !b.strong.CompareAndSwap(1, 0) {
		var zero T
		return zero, false
	}
	a.box, a.spent = nil, invariants.Unwrapped
	value, _ := b.moveOut(invariants.ArcTryUnwrap)
	if trace.Enabled {
		mark(&a.trail, invariants.Unwrapped, b)
	}
	return value, true
}

// IntoInner always consumes a. If a was the last strong handle it returns
// the value as TryUnwrap does; otherwise it drops a's share and returns the
// zero T and false. It is one atomic Add(-1), so when every owner calls
// IntoInner, on whatever goroutines and in whatever order, exactly one of
// them gets the value and the destructor never runs. It panics if a is
// empty.
func (a *Arc[T]) IntoInner() (T, bool) {
	b := a.header(invariants.ArcIntoInner)
	if trace.Enabled {
		mark(&a.trail, invariants.Unwrapped, b)
	}
	a.box, a.spent = nil, invariants.Unwrapped
	n := b.strong.Add(-1)
	if n != 0 {
		if n < 0 {
			b.strong.Add(1) // undo: this handle's unit was gone already
			panic(refused(invariants.ArcIntoInner, n+1, b.weak.Load(), b.loadState()))
		}
		var zero T
		return zero, false
	}
	value, _ := b.moveOut(invariants.ArcIntoInner)
	return value, true
}
