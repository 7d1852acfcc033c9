package rc

import (
	"sync/atomic"

	"github.com/rcbook/rcbook/internal/leak"
	"github.com/rcbook/rcbook/internal/trace"
	"github.com/rcbook/rcbook/invariants"
)

// box is one allocation: the header and the value, side by side, in a
// single Go allocation. Every Rc and Weak to it points here.
//
//	+--------------------------------+
//	| Strong  int                    |  number of Rc handles                  \
//	| Weak    int                    |  Weak handles + 1 implicit weak (I4)    } invariants.Header
//	| State   invariants.State       |  uninit, alive, dropping, dead, freed   |
//	| Gen     uint32                 |  lives so far, if a pool reuses it      /
//	| cleanup func(T)                |  NewWithCleanup's destructor, or nil
//	| leak    leak.Handle            |  armed while a test tracks leaks (checked builds only)
//	| log     trace.Log              |  its recent history (-tags rctrace only; empty otherwise)
//	| home    *Pool[T]               |  the pool it returns to when freed, or nil
//	| value   T                      |  the value itself
//	+--------------------------------+
//
// The strong count decides when the value dies; the weak count decides when
// the allocation dies. Go's garbage collector would quietly keep a "freed"
// header alive for any stale handle, hiding a use after free, so freeing
// here is observable: a freed header's state is Freed and every later
// access through it is refused (I5).
//
// The counts and the state are the embedded invariants.Header, so that a
// refused operation can hand the whole header to its *invariants.Error in
// one copy. Only this package writes them.
type box[T any] struct {
	invariants.Header
	cleanup func(T)     // runs once when the value drops; nil for none
	leak    leak.Handle // armed while leak tracking is on (see trackLeak)
	log     trace.Log   // who did what to it, with -tags rctrace (trace.go)
	home    *Pool[T]    // the pool that takes the header back when it is freed; nil for the heap
	value   T
}

// live counts allocations made and not yet freed, for LiveAllocations. It
// is atomic because separate goroutines may each use their own Rcs.
var live atomic.Int64

// newBox allocates a header owning value: strong 1, weak 1. The weak count
// starts at 1, not 0: that unit is the implicit weak, owned by all strong
// handles together, which keeps the allocation alive as long as any strong
// handle does (I4). cleanup, if not nil, runs once when the value drops.
func newBox[T any](value T, cleanup func(T)) *box[T] {
	live.Add(1)
	b := &box[T]{Header: invariants.Header{Strong: 1, Weak: 1, State: invariants.Alive}, cleanup: cleanup, value: value}
	b.trackLeak()
	return b
}

// sibling allocates a header for value from wherever b came from: b's pool,
// or the heap. MakeMut uses it, so that copies of a pooled value are pooled
// too.
func (b *box[T]) sibling(value T, cleanup func(T)) *box[T] {
	if b.home != nil {
		return b.home.newBox(value, cleanup)
	}
	return newBox(value, cleanup)
}

// weakCount is the number of Weak handles as users see it: the raw weak
// count minus the implicit weak (I4), and 0 once no strong handle remains,
// as in Rust's std.
func (b *box[T]) weakCount() int {
	if b.Strong == 0 {
		return 0
	}
	return b.Weak - 1 // hide the implicit weak (I4)
}

// trackLeak arms leak detection for b if a test asked for it (checked
// builds only; with -tags rcrelease it compiles to nothing). With -tags
// rctrace it also starts b's history, which a leak report then quotes.
func (b *box[T]) trackLeak() {
	if trace.Enabled {
		b.note()
	}
	if invariants.Enabled && leak.On() {
		leak.Arm(&b.leak, b, &allocationLeaks)
		if trace.Enabled {
			leak.Note(&b.leak, b.log.History())
		}
	}
}

// allocationLeaks is how a leak report names a lost rc allocation.
var allocationLeaks = leak.Kind{
	What: "allocation", Made: "made",
	Lost: "was never freed: a handle was lost without Drop, or a cycle of strong handles was dropped",
}

// LiveAllocations returns the number of allocations made by this package
// (New, NewWithCleanup, NewCyclic, a Pool's New and Default, MakeMut's
// copies) and not yet freed, across all types. A header waiting in a pool
// counts as freed. Tests use it to prove that nothing leaked.
//
// With -tags rcrelease it leaves out the allocations of pools, which are
// counted by their pool alone (Pool.Live): this count is shared by every
// goroutine, so every change to it is an atomic add, and two of those
// would cost a pooled New and Drop as much as the rest of their work.
func LiveAllocations() int { return int(live.Load()) }
