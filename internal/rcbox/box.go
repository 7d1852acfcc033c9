// Package rcbox is the allocation behind every rc.Rc and weak.Weak: one
// header holding the strong count, the weak count, the allocation's state
// and the value, side by side, in a single Go allocation.
//
//	+--------------------------------+
//	| Strong  int                    |  number of Rc handles                  \
//	| Weak    int                    |  Weak handles + 1 implicit weak (I4)    } invariants.Header
//	| State   invariants.State       |  uninit, alive, dropping, dead, freed   |
//	| Gen     uint32                 |  lives so far, if a pool reuses it      /
//	| cleanup func(T)                |  NewWithCleanup's destructor, or nil
//	| home    *Pool[T]               |  the pool it returns to when freed, or nil
//	| value   T                      |  the value itself
//	+--------------------------------+
//
// The strong count decides when the value dies; the weak count decides when
// the allocation dies. Go's garbage collector would quietly keep a "freed"
// header alive for any stale handle, hiding a use after free, so freeing here
// is observable: a freed header's state is Freed and every later access
// through it panics (I5).
//
// Methods named Check* panic when an operation may not proceed; the Inc*/Dec*
// methods assume their caller has checked. Misuse panics with
// *invariants.Error.
//
// Box is not safe for concurrent use; neither are the handles built on it.
package rcbox

import (
	"sync/atomic"

	"github.com/rcbook/rcbook/internal/faults"
	"github.com/rcbook/rcbook/invariants"
)

// Box is one allocation: header and value. Make one with New or NewUninit.
// The counts and the state are the embedded invariants.Header, so that a
// refused operation can hand the whole header to its *invariants.Error in
// one copy. Only this package writes them.
type Box[T any] struct {
	invariants.Header
	cleanup func(T)    // runs once when the value drops; nil for none
	leak    leakHandle // armed while leak tracking is on (leak.go)
	home    *Pool[T]   // the pool that takes the header back when it is freed; nil for the heap
	value   T
}

// live counts allocations made and not yet freed, for rc.LiveAllocations.
// It is atomic because separate goroutines may each use their own Rcs.
var live atomic.Int64

// Live returns the number of headers allocated and not yet freed (I3).
func Live() int { return int(live.Load()) }

// New allocates a header owning value: strong 1, weak 1. The weak count
// starts at 1, not 0: that unit is the implicit weak, owned by all strong
// handles together, which keeps the allocation alive as long as any strong
// handle does (I4). cleanup, if not nil, runs once when the value drops.
func New[T any](value T, cleanup func(T)) *Box[T] {
	live.Add(1)
	b := &Box[T]{Header: invariants.Header{Strong: 1, Weak: 1, State: invariants.Alive}, cleanup: cleanup, value: value}
	if invariants.Enabled {
		b.trackLeak()
	}
	return b
}

// Sibling allocates a header for value from wherever b came from: b's pool,
// or the heap. MakeMut uses it, so that copies of a pooled value are pooled
// too.
func (b *Box[T]) Sibling(value T, cleanup func(T)) *Box[T] {
	if b.home != nil {
		return b.home.New(value, cleanup)
	}
	return New(value, cleanup)
}

// Value returns a pointer to the value inside the allocation. It is valid
// only while the caller holds a strong handle.
func (b *Box[T]) Value() *T { return &b.value }

// Cleanup returns the destructor given to New, or nil.
func (b *Box[T]) Cleanup() func(T) { return b.cleanup }

// WeakCount is the number of Weak handles as users see it: the raw weak
// count minus the implicit weak (I4), and 0 once no strong handle remains,
// as in Rust's std.
func (b *Box[T]) WeakCount() int {
	if faults.Enabled && faults.Active(faults.WeakCountShowsImplicit) {
		return b.Weak
	}
	if b.Strong == 0 {
		return 0
	}
	return b.Weak - 1 // hide the implicit weak (I4)
}

// IsUnique reports whether the caller's strong handle is the only way to
// reach the value: strong == 1 and no Weak exists, i.e. the raw weak count
// is just the implicit weak (I6).
//
// Checking strong == 1 alone is the tempting wrong rule: a Weak could then
// Upgrade while the caller mutates through GetMut, and two handles would
// alias a value one of them believes it owns exclusively.
func (b *Box[T]) IsUnique() bool {
	switch {
	case faults.Enabled && faults.Active(faults.GetMutUnchecked):
		return true
	case faults.Enabled && faults.Active(faults.GetMutStrongOnly):
		return b.Strong == 1
	}
	return b.Strong == 1 && b.Weak == 1
}

// SetCounts overwrites both counts. It exists for tests that need a count at
// the edge of its range (I1 overflow) without making 2^63 handles.
func (b *Box[T]) SetCounts(strong, weak int) { b.Strong, b.Weak = strong, weak }
