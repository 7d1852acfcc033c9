package rcbox

import (
	"github.com/rcbook/rcbook/internal/faults"
	"github.com/rcbook/rcbook/invariants"
)

// CheckStrong panics unless a strong handle of generation gen may operate on
// b: the value must be alive, the header consistent (I1, I2, I4, I5) and
// still in the handle's generation (I5). Every slow path of an Rc operation
// calls it before touching the header, so a refused operation changes no
// count. With -tags rcrelease it compiles to nothing.
func (b *Box[T]) CheckStrong(op invariants.Op, gen uint32) {
	if invariants.Enabled && (!b.StrongUsable() || b.Gen != gen) {
		invariants.RefuseHandle(op, &b.Header, gen)
	}
}

// IncStrong adds a strong handle. The increment is checked in every build,
// as in Rust's std: a wrapped count would free a value still in use (I1).
// The caller has checked the header (CheckStrong or CheckWeak).
func (b *Box[T]) IncStrong(op invariants.Op) {
	if b.Strong == invariants.MaxCount && !(faults.Enabled && faults.Active(faults.UncheckedOverflow)) {
		invariants.Refuse(op, &b.Header)
	}
	b.Strong++
}

// DecStrong removes a strong handle; the last one drops the value. The
// caller has checked the header with CheckStrong.
func (b *Box[T]) DecStrong(op invariants.Op) {
	b.Strong--
	if b.Strong == 0 {
		b.dropSlow(op)
	}
}

// dropSlow runs when the last strong handle has gone, in the order the
// rules require:
//
//  1. strong is already 0, so from here on Upgrade fails, also from inside
//     the value's own destructor (I7);
//  2. the value is dropped, exactly once (I2);
//  3. the implicit weak is released, freeing the allocation if no Weak
//     remains (I4, I5).
//
// Step 3 is deferred so that it happens even when the destructor panics: the
// allocation is still accounted for and the panic propagates. Doing step 3
// before step 2 is a real bug, not a style choice: a destructor that drops a
// Weak stored inside the value would bring weak to 0 and free the allocation
// while that destructor is still running.
func (b *Box[T]) dropSlow(op invariants.Op) {
	b.State = invariants.Dropping
	if faults.Enabled && faults.Active(faults.ImplicitWeakFirst) {
		b.releaseImplicitWeak(op)
		b.runDestructor()
		b.endValue(op)
		return
	}
	defer b.endValueAndReleaseImplicitWeak(op)
	b.runDestructor()
}

// endValueAndReleaseImplicitWeak finishes step 2, once the destructor has
// run or the value was moved out, by ending the value's life in the header,
// and then does step 3.
func (b *Box[T]) endValueAndReleaseImplicitWeak(op invariants.Op) {
	if faults.Enabled && faults.Active(faults.DestructorTwice) {
		b.runDestructor()
	}
	b.endValue(op)
	b.releaseImplicitWeak(op)
}

// endValue ends the value's life in the header: it is dropped or moved out.
// The storage is zeroed, except after a drop in a header whose pool has a
// reset hook: that storage is kept for the pool's Default to reuse. A value
// moved out (state still Alive here) always has its storage zeroed, since
// the caller now owns whatever the storage pointed to.
// The allocation must still be live: a destructor that has just returned
// from a freed allocation ran on freed memory, which is exactly the bug of
// releasing the implicit weak before the value is dropped (I5).
func (b *Box[T]) endValue(op invariants.Op) {
	if invariants.Enabled && b.State == invariants.Freed {
		invariants.Refuse(op, &b.Header)
	}
	if b.State != invariants.Dropping || !b.home.keepsStorage() {
		var zero T
		b.value = zero // let the garbage collector have whatever the value referenced
	}
	b.cleanup = nil
	b.State = invariants.Dead
}

// releaseImplicitWeak gives back the weak unit the strong handles owned
// together (I4), once strong is 0 and the value is gone.
func (b *Box[T]) releaseImplicitWeak(op invariants.Op) {
	if !(faults.Enabled && faults.Active(faults.LeakImplicitWeak)) {
		b.Weak-- // exactly the implicit weak, and only now that the value is gone (I4)
	}
	if faults.Enabled && faults.Active(faults.DoubleWeakRelease) && b.Weak > 0 {
		b.Weak-- // the bug: a Weak's unit released here as well as in its own Drop
	}
	if b.Weak == 0 || (faults.Enabled && faults.Active(faults.FreeWhileWeak)) {
		b.free(op) // which verifies the header
		return
	}
	if invariants.Enabled {
		invariants.Verify(op, &b.Header)
	}
}

// MoveOut ends the value's life in this allocation without running its
// destructor, and returns the value and its cleanup to the caller, who owns
// them from now on. It is how TryUnwrap, IntoInner and MakeMut take the value
// out. The caller has checked the header and holds the only strong handle.
func (b *Box[T]) MoveOut(op invariants.Op) (T, func(T)) {
	value, cleanup := b.value, b.cleanup
	if !(faults.Enabled && faults.Active(faults.TryUnwrapKeepsStrong)) {
		b.Strong = 0 // from here Upgrade fails: the value lives on elsewhere (I2, I7)
	}
	b.endValueAndReleaseImplicitWeak(op)
	return value, cleanup
}
