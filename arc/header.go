package arc

import (
	"sync/atomic"

	"github.com/rcbook/rcbook/internal/leak"
	"github.com/rcbook/rcbook/internal/trace"
	"github.com/rcbook/rcbook/invariants"
)

// box is one allocation: the header and the value, side by side, as in
// package rc (rc/box.go), with every field another goroutine may touch made atomic.
//
//	+--------------------------------+
//	| strong  atomic.Int64           |  number of Arc handles
//	| weak    atomic.Int64           |  Weak handles + 1 implicit weak (I4); weakLocked while GetMut looks
//	| state   atomic.Uint32          |  invariants.State: uninit, alive, dropping, dead, freed
//	| cleanup func(T)                |  NewWithCleanup's destructor, or nil
//	| leak    leak.Handle            |  armed while a test tracks leaks (checked builds only)
//	| log     trace.Log              |  its recent history (-tags rctrace only; empty otherwise)
//	| value   T                      |  the value itself
//	+--------------------------------+
//
// Only the counts are contended. The state is written only by the goroutine
// whose count update caused the transition (the last strong drop, the last
// weak drop, NewCyclic), and read by the checks. cleanup and value are plain
// fields: they are written before the allocation is shared (New, NewCyclic)
// or after no other handle can reach them (the last strong drop, a unique
// GetMut), and the atomic counts order those writes with every read (see
// the package doc).
type box[T any] struct {
	strong  atomic.Int64
	weak    atomic.Int64
	state   atomic.Uint32
	cleanup func(T)
	leak    leak.Handle // armed while leak tracking is on (see trackLeak)
	log     trace.Log   // who did what to it, with -tags rctrace (trace.go)
	value   T
}

// maxCount is the largest value a count may reach: invariants.MaxCount, the
// largest int, so that StrongCount and WeakCount can return any count. An
// increment past it is refused (I1). On 64-bit platforms it is the largest
// int64 too, and the tests against it fold away where the Add's wrap to a
// negative number already tells.
const maxCount = int64(invariants.MaxCount)

// weakLocked is the weak count while GetMut or MakeMut checks uniqueness
// (unique.go). No count can take this value: counts are never negative (I1).
const weakLocked int64 = -1

// live counts allocations made and not yet freed, for LiveAllocations.
var live atomic.Int64

// LiveAllocations returns the number of arc allocations made and not yet
// freed (I3), across all types. Tests use it to prove that nothing leaked.
// It counts arc's allocations only; rc.LiveAllocations counts rc's.
func LiveAllocations() int { return int(live.Load()) }

// newBox allocates a header owning value: strong 1, weak 1. The weak count
// starts at 1, not 0: that unit is the implicit weak, owned by all strong
// handles together, which keeps the allocation alive as long as any strong
// handle does (I4). The box is not shared yet, so plain stores would do;
// the atomic ones publish it all the same when the first handle crosses to
// another goroutine through any synchronizing operation.
func newBox[T any](value T, cleanup func(T)) *box[T] {
	live.Add(1)
	b := &box[T]{cleanup: cleanup, value: value}
	b.strong.Store(1)
	b.weak.Store(1) // the implicit weak (I4)
	b.state.Store(uint32(invariants.Alive))
	b.trackLeak()
	return b
}

// newUninit allocates a header for NewCyclic, before the value exists:
// strong 0, so no Upgrade can succeed while the value is being built (I7),
// and weak 2, the Weak lent to the build function plus the implicit weak
// reserved up front (I4), so that build cannot free the allocation by
// dropping or moving its Weak.
func newUninit[T any]() *box[T] {
	live.Add(1)
	b := new(box[T])
	b.weak.Store(2)
	b.state.Store(uint32(invariants.Uninit))
	b.trackLeak()
	return b
}

// init stores the built value and brings the allocation to life. The order
// matters once build has handed a Weak to another goroutine: the value and
// the state are written first, and strong 0 → 1 comes last, so an Upgrade
// that sees strong 1 also sees the value (its CAS observes this Store).
// strong can be stored rather than added: while it is 0 nothing else may
// change it, since Upgrade only ever increments a count above 0 (I7).
func (b *box[T]) init(value T) {
	if invariants.Enabled && (b.loadState() != invariants.Uninit || b.strong.Load() != 0) {
		panic(b.refusal(invariants.ArcNewCyclic))
	}
	b.value = value
	b.state.Store(uint32(invariants.Alive))
	b.strong.Store(1) // the reserved unit is now the implicit weak (I4)
	if trace.Enabled {
		b.note()
	}
}

func (b *box[T]) loadState() invariants.State { return invariants.State(b.state.Load()) }

// refusal records what op found in the header, for a panic.
func (b *box[T]) refusal(op invariants.Op) *invariants.Error {
	return b.traced(refused(op, b.strong.Load(), b.weak.Load(), b.loadState()))
}

// checkStrong panics unless a strong handle may operate on b: the value
// must be alive (I2) and the allocation not freed (I5). For a handle that
// was counted this cannot race: the handle's own unit keeps strong > 0, and
// so the state Alive, until it is dropped. With -tags rcrelease it compiles
// to nothing.
func (b *box[T]) checkStrong(op invariants.Op) {
	if invariants.Enabled && (b.loadState() != invariants.Alive || b.strong.Load() <= 0) {
		panic(b.refusal(op))
	}
}

// checkWeak panics unless a Weak may operate on b: the allocation must not
// be freed (I5). A counted Weak's unit keeps weak > 0, so it never sees
// Freed. With -tags rcrelease it compiles to nothing.
func (b *box[T]) checkWeak(op invariants.Op) {
	if invariants.Enabled && (b.loadState() == invariants.Freed || b.weak.Load() <= 0) {
		panic(b.refusal(op))
	}
}

// free ends the allocation: both counts are 0 (I5). Only the goroutine
// whose decrement brought weak to 0 gets here, once. The Freed state
// poisons the header, so a stale handle's later access panics as a use
// after free instead of silently reading a header the garbage collector
// kept alive.
func (b *box[T]) free() {
	b.state.Store(uint32(invariants.Freed))
	if trace.Enabled {
		b.note()
	}
	live.Add(-1)
	leak.Stop(&b.leak)
}
