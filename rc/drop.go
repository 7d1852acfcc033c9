package rc

import (
	"github.com/rcbook/rcbook/internal/destructor"
	"github.com/rcbook/rcbook/internal/leak"
	"github.com/rcbook/rcbook/internal/trace"
	"github.com/rcbook/rcbook/invariants"
)

// decStrong removes a strong handle; the last one drops the value. The
// caller has checked the header with checkStrong.
func (b *box[T]) decStrong(op invariants.Op) {
	b.Strong--
	if trace.Enabled && b.Strong > 0 {
		b.note() // the last one is noted once the value is gone (endValue)
	}
	if b.Strong == 0 {
		b.dropSlow(op, nil) // no drop in progress: a QueueDropper's destructor starts one
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
// q is the drop in progress when a DropQueue reached this handle, nil when
// a plain Drop did; a QueueDropper value queues what it owns into it.
//
// Steps 2 and 3 finish in a deferred call, so that they happen even when
// the destructor panics: the allocation is still accounted for and the
// panic propagates. Doing step 3 before step 2 is a real bug, not a style
// choice: a destructor that drops a Weak stored inside the value would
// bring weak to 0 and free the allocation while that destructor is still
// running.
func (b *box[T]) dropSlow(op invariants.Op, q *DropQueue) {
	b.State = invariants.Dropping // 1
	defer func() {
		b.endValue(op)            // 2, finished, even if the destructor panicked
		b.releaseImplicitWeak(op) // 3
	}()
	b.runDestructor(q) // 2
}

// runDestructor drops the value, once: the cleanup is taken out of the
// header first, so that nothing calling back in can run it again. A pooled
// header uses the plan its pool worked out once for T. A QueueDropper
// value queues what it owns into q, or into a queue of its own if q is nil.
func (b *box[T]) runDestructor(q *DropQueue) {
	cleanup := b.cleanup
	b.cleanup = nil
	plan := destructor.Unknown
	if b.home != nil {
		plan = b.home.plan
	}
	destructor.RunIn(&b.value, cleanup, plan, q)
}

// endValue ends the value's life in the header: it was dropped, or moved
// out. The storage is zeroed, except after a drop in a header whose pool
// has a reset hook: that storage is kept for the pool's Default to reuse. A
// value moved out (state still Alive here) always has its storage zeroed,
// since the caller now owns whatever the storage pointed to.
// The allocation must still be live: a destructor that has just returned
// from a freed allocation ran on freed memory, which is exactly the bug of
// releasing the implicit weak before the value is dropped (I5).
func (b *box[T]) endValue(op invariants.Op) {
	if invariants.Enabled && b.State == invariants.Freed {
		invariants.Refuse(op, &b.Header)
	}
	if b.State != invariants.Dropping || !b.home.keepsStorage() {
		var zero T
		b.value = zero // let the garbage collector have whatever the value referenced
	}
	b.cleanup = nil
	b.State = invariants.Dead
	if trace.Enabled {
		b.note()
	}
}

// releaseImplicitWeak gives back the weak unit the strong handles owned
// together (I4), once strong is 0 and the value is gone.
func (b *box[T]) releaseImplicitWeak(op invariants.Op) {
	b.Weak-- // exactly the implicit weak, and only now that the value is gone (I4)
	if b.Weak == 0 {
		b.free(op) // no Weak remains: the allocation goes too (I5)
		return
	}
	if trace.Enabled {
		b.note()
	}
	if invariants.Enabled {
		invariants.Verify(op, &b.Header)
	}
}

// moveOut ends the value's life in this allocation without running its
// destructor, and returns the value and its cleanup to the caller, who owns
// them from now on. It is how TryUnwrap, IntoInner and MakeMut take the
// value out. The caller has checked the header and holds the only strong
// handle.
func (b *box[T]) moveOut(op invariants.Op) (T, func(T)) {
	value, cleanup := b.value, b.cleanup
	b.Strong = 0 // from here Upgrade fails: the value lives on elsewhere (I2, I7)
	b.endValue(op)
	b.releaseImplicitWeak(op)
	return value, cleanup
}

// decWeak removes a Weak handle and frees the allocation when it was the
// last owner of any kind (I3, I5). While strong > 0 the implicit weak keeps
// weak ≥ 1 here, so only a Weak outliving every strong handle frees. The
// caller has checked the header with checkWeak.
func (b *box[T]) decWeak(op invariants.Op) {
	if invariants.Enabled && b.Strong > 0 && b.Weak <= 1 {
		// The one unit left belongs to the strong handles (I4): no Weak can
		// own it. Only a Weak copied without Clone gets here.
		invariants.Refuse(op, &b.Header)
	}
	b.Weak--
	if b.Weak == 0 {
		b.free(op)
		return
	}
	if trace.Enabled {
		b.note()
	}
}

// free ends the allocation: both counts are 0 (I5). The header is poisoned
// by its Freed state, so any later access through a stale handle is refused
// as a use after free instead of silently reading a header the garbage
// collector kept alive. A header from a pool goes back to it, and its next
// life will have a new generation, which keeps stale handles refused.
func (b *box[T]) free(op invariants.Op) {
	b.State = invariants.Freed
	if trace.Enabled {
		b.note()
	}
	leak.Stop(&b.leak)
	if invariants.Enabled {
		invariants.Verify(op, &b.Header)
	}
	if b.home != nil {
		b.home.takeBack(b) // only now: strong and weak are both 0 (I5)
		return
	}
	live.Add(-1)
}
