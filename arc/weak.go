package arc

import (
	"runtime"

	"github.com/rcbook/rcbook/internal/nocopy"
	"github.com/rcbook/rcbook/internal/trace"
	"github.com/rcbook/rcbook/invariants"
)

// Weak is a non-owning handle to an arc allocation: it keeps the header
// alive but not the value, and Upgrade turns it back into an Arc while the
// value lives. The zero Weak is dangling: it points at nothing, allocates
// nothing, never upgrades, and may be cloned and dropped.
//
// A Weak must not be copied: use Clone to share, Move to transfer. Upgrade,
// Clone, StrongCount and WeakCount only read the handle, so one Weak may
// serve them to several goroutines at once; Drop and Move need the handle
// to themselves.
type Weak[T any] struct {
	_     nocopy.NoCopy
	box   *box[T]          // nil when dangling or spent
	trail trace.Mark       // where it was used up, with -tags rctrace (trace.go)
	spent invariants.Spent // Dropped or Moved once the handle is used up; Never while usable
}

// NewWeak returns a dangling Weak, the same as the zero Weak. It allocates
// nothing; Upgrade always fails.
func NewWeak[T any]() Weak[T] { return Weak[T]{} }

// Downgrade returns a new Weak to a's allocation: weak + 1, strong
// unchanged. It panics if a is empty or the weak count would overflow (I1).
//
// Downgrade is a compare-and-swap, not an Add, because of the weak lock
// (unique.go): while GetMut on another goroutine checks that no Weak
// exists, the weak count holds weakLocked, and Downgrade must wait rather
// than make a Weak in the middle of that check. The common case is one load
// and one compare-and-swap; the wait and every misuse are in downgradeSlow.
func Downgrade[T any](a *Arc[T]) Weak[T] {
	if trace.Enabled {
		return downgradeSlow(a) // which records the change (trace.go)
	}
	if b := a.box; b != nil && (!invariants.Enabled || b.state.Load() == uint32(invariants.Alive)) {
		if n := b.weak.Load(); n > 0 && n < maxCount && b.weak.CompareAndSwap(n, n+1) {
			return Weak[T]{box: b}
		}
	}
	return downgradeSlow(a)
}

// downgradeSlow is Downgrade with every check, and the wait for the weak
// lock. The lock is held for three atomic operations and no user code (see
// isUnique), so the wait is short; it yields the processor rather than
// spinning hot, in case the goroutine holding the lock was preempted in
// the middle, or shares this goroutine's only processor.
func downgradeSlow[T any](a *Arc[T]) Weak[T] {
	b := a.header(invariants.ArcDowngrade)
	for {
		n := b.weak.Load()
		switch {
		case n == weakLocked:
			runtime.Gosched()
			continue
		case n <= 0 || n >= maxCount:
			// 0 would mean the implicit weak is gone while a strong handle
			// lives (I4); maxCount is the overflow (I1).
			panic(refused(invariants.ArcDowngrade, b.strong.Load(), n, b.loadState()))
		}
		if b.weak.CompareAndSwap(n, n+1) {
			if trace.Enabled {
				b.note()
			}
			return Weak[T]{box: b}
		}
	}
}

// header returns w's allocation, or nil if w is dangling, after checking
// that w has not been dropped or moved and, in checked builds, that the
// allocation was not freed (I5).
func (w *Weak[T]) header(op invariants.Op) *box[T] {
	if w.spent != invariants.Never {
		if trace.Enabled {
			panic(trace.Empty(op, w.spent, w.trail.Record()))
		}
		invariants.RefuseEmpty(op, w.spent)
	}
	b := w.box
	if b != nil {
		b.checkWeak(op)
	}
	return b
}

// Upgrade returns a new strong handle and true if the value is still alive,
// strong + 1. If the value has been dropped (or is being dropped, or was
// moved out by MakeMut, TryUnwrap or IntoInner), or w is dangling, it
// returns an empty Arc and false and changes nothing. It panics if w was
// dropped or moved, or the strong count would overflow (I1).
//
// Upgrade never resurrects (I7). The tempting code tests strong > 0 and then
// adds 1; between the two, another goroutine may drop the last strong
// handle, and the Add would take a dropped value's count from 0 back to 1.
// Upgrade instead swaps in n+1 only if the count is still the n > 0 it
// read (compare-and-swap), and reads again if another goroutine changed it
// meanwhile. Once strong is 0, no correct handle increments it again; only
// a stale handle's Clone adds to a 0, and undoes it at once (see Arc.Clone).
func (w *Weak[T]) Upgrade() (Arc[T], bool) {
	if trace.Enabled {
		return w.upgradeSlow() // which records the change (trace.go)
	}
	if b := w.box; b != nil {
		if n := b.strong.Load(); n > 0 && n < maxCount && b.strong.CompareAndSwap(n, n+1) {
			return own(b), true
		}
	}
	return w.upgradeSlow()
}

// upgradeSlow is Upgrade's loop: for a dangling Weak, a dead value, a lost
// race with another goroutine's update of strong, and every misuse. It
// checks the handle and, in checked builds, the state first, so a Weak to a
// freed allocation is refused here (its strong count of 0 sent it here).
func (w *Weak[T]) upgradeSlow() (Arc[T], bool) {
	b := w.header(invariants.ArcWeakUpgrade)
	if b == nil {
		return Arc[T]{}, false
	}
	for {
		n := b.strong.Load()
		switch {
		case n == 0:
			return Arc[T]{}, false // dead, and dead for good (I7)
		case n < 0 || n >= maxCount:
			panic(refused(invariants.ArcWeakUpgrade, n, b.weak.Load(), b.loadState()))
		}
		if b.strong.CompareAndSwap(n, n+1) {
			if trace.Enabled {
				b.note()
			}
			return own(b), true
		}
	}
}

// Clone returns another Weak to the same allocation (weak + 1, one atomic
// Add), or another dangling Weak if w is dangling. It panics if w was
// dropped or moved, or the weak count would overflow (I1).
//
// Unlike Downgrade, Clone may add without looking at the weak lock: the
// lock is only ever taken when no Weak exists, and w is one.
func (w *Weak[T]) Clone() Weak[T] {
	b := w.box
	if b == nil {
		return w.cloneSlow()
	}
	if n := b.weak.Add(1); n <= 1 || n > maxCount {
		// 1 means the count was 0: the allocation is freed (I5). Undo.
		b.weak.Add(-1)
		panic(b.traced(refused(invariants.ArcWeakClone, 0, n-1, invariants.State(b.state.Load()))))
	}
	if trace.Enabled {
		b.note()
	}
	return Weak[T]{box: b}
}

// cloneSlow is Clone for a dangling or spent Weak.
func (w *Weak[T]) cloneSlow() Weak[T] {
	w.header(invariants.ArcWeakClone)
	return Weak[T]{}
}

// Move transfers w to the returned handle and leaves w empty. The counts do
// not change. It panics if w was dropped or moved.
func (w *Weak[T]) Move() Weak[T] {
	b := w.header(invariants.ArcWeakMove)
	if trace.Enabled {
		mark(&w.trail, invariants.Moved, w.box)
	}
	w.box, w.spent = nil, invariants.Moved
	return Weak[T]{box: b}
}

// Drop gives up w: weak − 1, one atomic Add. The goroutine whose Add brings
// weak to 0 frees the allocation (I3, I5); that can only be the last owner
// of any kind, since the strong handles hold the implicit weak until the
// value is gone (I4). Dropping a dangling Weak is allowed; dropping a Weak
// twice panics.
func (w *Weak[T]) Drop() {
	var n int64
	if b := w.box; b != nil {
		if n = b.weak.Add(-1); n > 0 {
			if trace.Enabled {
				mark(&w.trail, invariants.Dropped, b)
				b.note()
			}
			w.box, w.spent = nil, invariants.Dropped
			return
		}
	}
	w.dropSlow(n)
}

// dropSlow is Drop for a dangling or spent Weak (the count was not
// touched), the last owner of the allocation (n == 0), and every misuse: a
// count that was already 0 (n < 0: the allocation is freed), or, in checked
// builds, a drop that took the implicit weak itself. A refused Drop undoes
// its decrement.
func (w *Weak[T]) dropSlow(n int64) {
	b := w.box
	switch {
	case b == nil:
		if w.spent != invariants.Never {
			if trace.Enabled {
				panic(trace.Empty(invariants.ArcWeakDrop, w.spent, w.trail.Record()))
			}
			invariants.RefuseEmpty(invariants.ArcWeakDrop, w.spent)
		}
		w.spent = invariants.Dropped // a dangling Weak, dropped once
		return
	case n < 0 || (invariants.Enabled && b.loadState() != invariants.Dead):
		// weak reached 0 while the value is alive, being built or being
		// dropped: the unit this Weak gave up was the implicit weak, which
		// belongs to the strong handles (I4). The legitimate last Weak
		// always sees Dead: the last strong drop stores it before it
		// releases the implicit weak, and this Add observed that release.
		b.weak.Add(1)
		panic(b.traced(refused(invariants.ArcWeakDrop, b.strong.Load(), n+1, b.loadState())))
	}
	if trace.Enabled {
		mark(&w.trail, invariants.Dropped, b)
	}
	w.box, w.spent = nil, invariants.Dropped
	b.free()
}

// StrongCount returns the number of strong handles to the value: 0 if w is
// dangling or the value is gone. Under concurrency it is a snapshot. It
// panics if w was dropped or moved.
func (w *Weak[T]) StrongCount() int {
	if b := w.header(invariants.ArcWeakStrongCount); b != nil {
		return int(b.strong.Load())
	}
	return 0
}

// WeakCount returns the number of Weak handles to the allocation, w
// included, without the implicit weak (I4): 0 if w is dangling or no strong
// handle remains, as for rc. It panics if w was dropped or moved.
//
// It reads weak before strong. If strong is above 0 at the second read,
// then at the first read either strong was above 0 too, or NewCyclic was
// still building the value; either way weak held the implicit weak (or the
// unit NewCyclic reserved for it), so subtracting one is right (strong
// never rises from 0 once a value has lived). If strong is 0, the answer
// is 0 whatever weak was. Either way the result is a count
// the allocation really had at some instant during the call.
func (w *Weak[T]) WeakCount() int {
	b := w.header(invariants.ArcWeakWeakCount)
	if b == nil {
		return 0
	}
	n := b.weak.Load()
	if b.strong.Load() == 0 {
		return 0
	}
	return int(n - 1)
}

// WeakPtrEq reports whether a and b point to the same allocation. Two
// dangling Weaks are equal. It never panics.
func WeakPtrEq[T any](a, b *Weak[T]) bool { return a.box == b.box }
