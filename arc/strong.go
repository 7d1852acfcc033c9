package arc

import (
	"github.com/rcbook/rcbook/internal/nocopy"
	"github.com/rcbook/rcbook/internal/trace"
	"github.com/rcbook/rcbook/invariants"
)

// Arc is a strong handle that may cross goroutines: it shares ownership of
// one value with every handle cloned from it, on any goroutine, and drops
// the value at the moment the last of them lets go. The zero Arc is an
// empty handle that owns nothing; every method but IsEmpty and PtrEq panics
// on an empty handle.
//
// An Arc must not be copied: use Clone to share, Move to transfer. Clone,
// Get, StrongCount, WeakCount, IsEmpty and Downgrade only read the handle,
// so one Arc may serve them to several goroutines at once; Drop, Move,
// GetMut, MakeMut, TryUnwrap and IntoInner need the handle to themselves.
type Arc[T any] struct {
	_   nocopy.NoCopy
	box *box[T] // nil when the handle is empty
	// trail remembers, with -tags rctrace, where the handle was emptied
	// (trace.go); it is an empty struct otherwise.
	trail trace.Mark
	// spent says why the handle is empty: Never for the zero Arc, then
	// Dropped, Moved or Unwrapped. It means nothing while box is set.
	spent invariants.Spent
}

// New allocates value with strong count 1 and weak count 0 (the implicit
// weak is not shown, I4), and returns the first strong handle to it.
func New[T any](value T) Arc[T] {
	return own(newBox(value, nil))
}

// NewWithCleanup is New with a destructor: cleanup runs exactly once, on the
// goroutine that drops the last strong handle, before the value's own Drop
// method if it has one. If TryUnwrap or IntoInner takes the value back,
// cleanup never runs: the caller owns the value from then on.
func NewWithCleanup[T any](value T, cleanup func(T)) Arc[T] {
	return own(newBox(value, cleanup))
}

// own wraps a header whose strong count already includes the new handle.
func own[T any](b *box[T]) Arc[T] {
	return Arc[T]{box: b}
}

// header returns the allocation a points at, after checking that a is not
// empty and, in checked builds, that a strong handle may use the header.
func (a *Arc[T]) header(op invariants.Op) *box[T] {
	b := a.box
	if b == nil {
		if trace.Enabled {
			panic(trace.Empty(op, a.spent, a.trail.Record()))
		}
		invariants.RefuseEmpty(op, a.spent)
	}
	b.checkStrong(op)
	return b
}

// Clone returns a new strong handle to the same value: strong + 1. It is
// safe to call while other goroutines clone, drop, downgrade or upgrade
// handles to the same allocation. It panics if a is empty or the strong
// count would overflow (I1); a refused Clone leaves the count as it was.
//
// The increment is one atomic Add, and the overflow test reads its result,
// so two Clones cannot both pass the test at the maximum. A result of at
// most 1 means the count was 0 before (a stale handle whose value is gone,
// I2) or wrapped past MaxCount (I1); either way a second Add undoes the
// first. The two Adds are not one step, and other goroutines can see the
// count in between. For a stale handle that count is 1 on a dead value: an
// Upgrade on another goroutine can take it to 2 and succeed, handing out a
// strong handle to a dropped value (I7 broken). Only a program that copied
// an Arc without Clone gets there. This test needs no state check, so
// Clone is the same in checked and release builds. It has no slow path to
// call; even so it is not inlined: the undo and the error it builds cost
// more than Go's inliner budget allows.
func (a *Arc[T]) Clone() Arc[T] {
	b := a.box
	if b == nil {
		if trace.Enabled {
			panic(trace.Empty(invariants.ArcClone, a.spent, a.trail.Record()))
		}
		panic(&invariants.Error{Op: invariants.ArcClone, Empty: true, Spent: a.spent})
	}
	if n := b.strong.Add(1); n <= 1 || n > maxCount {
		b.strong.Add(-1)
		panic(b.traced(refused(invariants.ArcClone, n-1, 0, invariants.State(b.state.Load()))))
	}
	if trace.Enabled {
		b.note()
	}
	return Arc[T]{box: b}
}

// Move transfers ownership to the returned handle and leaves a empty. The
// counts do not change. It panics if a is empty. Move is how a handle is
// handed to another goroutine: move it into the channel, the closure or
// the struct that crosses over, and never touch a again.
func (a *Arc[T]) Move() Arc[T] {
	b := a.header(invariants.ArcMove)
	if trace.Enabled {
		mark(&a.trail, invariants.Moved, a.box)
	}
	a.box, a.spent = nil, invariants.Moved
	return own(b)
}

// Drop gives up a's share and leaves a empty: strong − 1, one atomic Add.
// The goroutine whose Add brings strong to 0 drops the value, then releases
// the implicit weak, which frees the allocation unless Weaks remain (I2,
// I4, I5); no other goroutine can reach the value by then. Drop panics if a
// is empty; if the value's destructor panics, the drop still completes and
// the panic propagates.
func (a *Arc[T]) Drop() {
	var n int64
	if b := a.box; b != nil {
		if n = b.strong.Add(-1); n > 0 {
			if trace.Enabled {
				mark(&a.trail, invariants.Dropped, b)
				b.note()
			}
			a.box, a.spent = nil, invariants.Dropped
			return
		}
	}
	a.dropSlow(n)
}

// dropSlow is Drop for the last strong handle (n == 0, the Add brought
// strong to 0) and for every misuse: an empty handle (the count was not
// touched), or a count that was already 0 (n < 0: a stale handle whose
// value is gone; the Add is undone). It empties the handle before the
// destructor can run.
func (a *Arc[T]) dropSlow(n int64) {
	b := a.box
	switch {
	case b == nil:
		if trace.Enabled {
			panic(trace.Empty(invariants.ArcDrop, a.spent, a.trail.Record()))
		}
		invariants.RefuseEmpty(invariants.ArcDrop, a.spent)
	case n < 0:
		b.strong.Add(1)
		panic(b.traced(refused(invariants.ArcDrop, n+1, b.weak.Load(), b.loadState())))
	case invariants.Enabled && b.loadState() != invariants.Alive:
		// strong was 1 but the value is not alive: impossible unless the
		// header was corrupted. Put the unit back and report it.
		b.strong.Add(1)
		panic(refused(invariants.ArcDrop, 1, b.weak.Load(), b.loadState()))
	}
	if trace.Enabled {
		mark(&a.trail, invariants.Dropped, b)
	}
	a.box, a.spent = nil, invariants.Dropped
	b.dropValue(invariants.ArcDrop)
}

// Get returns a pointer to the shared value. Treat it as a shared borrow:
// valid while a is held, and read-only while other handles may exist,
// whichever goroutine holds them (use GetMut or MakeMut to write, or give
// T its own synchronization). It panics if a is empty.
func (a *Arc[T]) Get() *T {
	return &a.header(invariants.ArcGet).value
}

// StrongCount returns the number of strong handles to the value, a
// included. Other goroutines may change it at any moment, so it is exact
// only when no other goroutine holds a handle to the allocation. It panics
// if a is empty.
func (a *Arc[T]) StrongCount() int {
	return int(a.header(invariants.ArcStrongCount).strong.Load())
}

// WeakCount returns the number of Weak handles to the allocation. The
// implicit weak that the strong handles share is not counted (I4). While
// another handle's GetMut holds the weak count locked it returns 0, which
// is what the lock stands for: no Weak exists. Like StrongCount it is a
// snapshot that other goroutines may change at once. It panics if a is
// empty.
func (a *Arc[T]) WeakCount() int {
	n := a.header(invariants.ArcWeakCount).weak.Load()
	if n == weakLocked {
		return 0
	}
	return int(n - 1) // hide the implicit weak (I4)
}

// IsEmpty reports whether a owns nothing: it is the zero Arc, or it was
// dropped, moved out or consumed. It never panics.
func (a *Arc[T]) IsEmpty() bool { return a.box == nil }

// PtrEq reports whether a and b point to the same allocation. Two empty
// handles are equal; an empty and a full one are not. It never panics.
func PtrEq[T any](a, b *Arc[T]) bool { return a.box == b.box }
