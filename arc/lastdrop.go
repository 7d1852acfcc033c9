package arc

import (
	"github.com/rcbook/rcbook/internal/trace"
	"github.com/rcbook/rcbook/invariants"
)

// The end of a value's life. Exactly one goroutine gets here for a given
// allocation: the one whose atomic update took strong from 1 to 0, whether
// by Drop (Add(-1) returned 0), IntoInner (the same), or TryUnwrap and
// MakeMut (a compare-and-swap from 1 to 0). No other goroutine can reach
// the value from then on: Upgrade never increments a count of 0 (I7), and
// no strong handle is left to Clone or Get. So the code below needs no
// further synchronization, and reads and writes the value as plainly as
// rc's box does; the atomic update that brought strong to 0 observed every
// earlier decrement, so every other owner's use of the value happened
// before it (see the package doc).

// dropValue runs when the last strong handle has gone, in the order the
// rules require, exactly as rc's dropSlow:
//
//  1. strong is already 0, so from here on Upgrade fails, on every
//     goroutine and from inside the value's own destructor (I7);
//  2. the value is dropped, exactly once (I2);
//  3. the implicit weak is released, freeing the allocation if no Weak
//     remains (I4, I5).
//
// Step 3 is deferred so that it happens even when the destructor panics;
// the panic then propagates to the caller of Drop. Doing step 3 before
// step 2 would be a bug: a destructor that drops a Weak stored inside the
// value, or a Weak dropped meanwhile on another goroutine, would bring weak
// to 0 and free the allocation while the destructor is still running.
func (b *box[T]) dropValue(op invariants.Op) {
	b.state.Store(uint32(invariants.Dropping))
	defer b.endValueAndReleaseImplicitWeak(op)
	b.runDestructor()
}

// endValueAndReleaseImplicitWeak finishes step 2, once the destructor has
// run or the value was moved out, and then does step 3.
func (b *box[T]) endValueAndReleaseImplicitWeak(op invariants.Op) {
	b.endValue(op)
	b.releaseImplicitWeak(op)
}

// endValue ends the value's life in the header: dropped or moved out. The
// allocation must still be live: a destructor that returns into a freed
// allocation ran on freed memory (I5).
func (b *box[T]) endValue(op invariants.Op) {
	if invariants.Enabled && b.loadState() == invariants.Freed {
		panic(b.refusal(op))
	}
	var zero T
	b.value = zero // let the garbage collector have whatever the value referenced
	b.cleanup = nil
	// Dead is stored before the implicit weak is released, so a Weak.Drop
	// that brings weak to 0 afterwards sees Dead and may free (weak.go).
	b.state.Store(uint32(invariants.Dead))
	if trace.Enabled {
		b.note()
	}
}

// releaseImplicitWeak gives back the weak unit the strong handles owned
// together (I4), once strong is 0 and the value is gone. Weaks dropped on
// other goroutines race with this decrement; whichever takes weak to 0
// frees, and only that one, since each Add sees a different result.
func (b *box[T]) releaseImplicitWeak(op invariants.Op) {
	n := b.weak.Add(-1) // exactly the implicit weak, and only now that the value is gone (I4)
	if n == 0 {
		b.free()
		return
	}
	if trace.Enabled {
		b.note()
	}
	if invariants.Enabled && n < 0 {
		// Someone else released a unit that was not theirs: only a Weak
		// copied without Clone can do that.
		panic(refused(op, b.strong.Load(), n+1, b.loadState()))
	}
}

// moveOut ends the value's life in the allocation without running its
// destructor, and returns the value and its cleanup to the caller, who owns
// them from now on. It is how TryUnwrap, IntoInner and MakeMut take the
// value out. The caller has already taken strong from 1 to 0 with an
// atomic update, so it is the only goroutine that can reach the value, and
// the Weaks can no longer upgrade (I2, I7).
func (b *box[T]) moveOut(op invariants.Op) (T, func(T)) {
	value, cleanup := b.value, b.cleanup
	b.endValueAndReleaseImplicitWeak(op)
	return value, cleanup
}

// dropStrong gives up one strong unit of a handle the caller has already
// emptied, running the last drop if it was the last. It is the slow
// operations' Drop (MakeMut, IntoInner's shared case).
func (b *box[T]) dropStrong(op invariants.Op) {
	n := b.strong.Add(-1)
	if trace.Enabled && n > 0 {
		b.note() // the last one is noted once the value is gone (endValue)
	}
	switch {
	case n == 0:
		b.dropValue(op)
	case n < 0:
		b.strong.Add(1) // undo: the count was already 0
		panic(refused(op, n+1, b.weak.Load(), b.loadState()))
	}
}
