package rc

import (
	"github.com/rcbook/rcbook/internal/destructor"
	"github.com/rcbook/rcbook/internal/nocopy"
	"github.com/rcbook/rcbook/internal/trace"
	"github.com/rcbook/rcbook/invariants"
)

// Pool keeps up to MaxSize freed headers for values of type T, so that a
// new allocation can skip Go's allocator: New takes the most recently freed
// header, if the pool has one, and starts its next life. It is the idea of
// Rust's refpool crate, built into rc.
//
// A header comes back to its pool when it is freed, that is when strong and
// weak have both reached 0 (I5), so Weaks work exactly as they do for
// headers from the heap: a Weak that outlives the value keeps the header
// out of the pool until it is dropped. A pool that already holds MaxSize
// headers leaves the freed one to the garbage collector.
//
// Reuse is what makes a pool dangerous: a handle that outlived its
// allocation (one copied without Clone) still points at the header, and
// after reuse the header is alive again, for someone else. Every header
// therefore counts its lives in invariants.Header.Gen, and every handle
// records the generation it was made for; in checked builds a handle from
// an earlier life is refused as a use after free (I5), with both
// generations in the message. A stale handle escapes only if the same
// header is reused 2^32 times while it waits, since Gen wraps around. Like
// the other checks this compiles away with -tags rcrelease.
//
// Make a Pool with NewPool. The zero Pool is a null pool, which keeps
// nothing, so every New allocates, exactly like rc.New. A Pool must not be
// copied once used (go vet reports it): headers remember the pool they
// return to. A Pool is not safe for concurrent use, like the handles it
// makes.
type Pool[T any] struct {
	_     nocopy.NoCopy
	free  []*box[T]       // freed headers, most recent last; every one has State Freed
	max   int             // len(free) never exceeds it; 0 makes a null pool
	reset func(*T)        // brings reused storage to its default state, or nil
	plan  destructor.Plan // how values of type T are dropped, worked out once
	plain bool            // plan is None and reset nil: a drop has nothing to run (dropToPool)
	out   int             // headers handed out and not yet freed: Live
}

// NewPool returns an empty pool that will keep up to maxSize freed headers;
// 0 makes a null pool, which never keeps one. reset, if not nil, prepares
// the storage of a reused header for Default (see Default); New does not
// call it. NewPool panics with an *invariants.Error if maxSize is negative.
func NewPool[T any](maxSize int, reset func(*T)) *Pool[T] {
	if maxSize < 0 {
		invariants.Misuse(invariants.PoolNewPool, "negative maximum size")
	}
	plan := destructor.PlanFor[T]()
	return &Pool[T]{max: maxSize, reset: reset, plan: plan, plain: plan == destructor.None && reset == nil}
}

// New is rc.New with the header taken from p: it returns the first strong
// handle to value, strong count 1 and weak count 0. The header is reused
// from p if p holds one, and allocated otherwise; either way it returns to
// p when the allocation is freed. New panics with an *invariants.Error if p
// is nil.
func (p *Pool[T]) New(value T) Rc[T] {
	return own(p.checked(invariants.PoolNew).newBox(value, nil))
}

// NewWithCleanup is New with a destructor, as rc.NewWithCleanup: cleanup
// runs exactly once, when the last strong handle is dropped.
func (p *Pool[T]) NewWithCleanup(value T, cleanup func(T)) Rc[T] {
	return own(p.checked(invariants.PoolNewWithCleanup).newBox(value, cleanup))
}

// Default returns a strong handle to a value in its default state, without
// copying one in. For a header from the heap that is the zero T. For a
// reused header it depends on the pool's reset hook: with one, the header
// keeps the storage its previous value left behind and reset prepares it,
// so that what the value owned (a slice's backing array, a map's buckets)
// is reused too; without one, the storage was zeroed when the previous
// value dropped. reset is also called on the zero T of a new header, so it
// must accept one. This takes the place of refpool's PoolDefault and
// PoolClone traits.
//
// Kept storage stays reachable while a Weak holds the dead value's header
// and while the header waits in the pool, where rc.New's would have been
// zeroed at the drop: a reset hook trades memory for reuse.
//
// A cleanup that keeps part of its value (stores a slice somewhere, say)
// and a reset that reuses that part must not be combined: both would own
// the same memory. A value taken out with TryUnwrap, IntoInner or MakeMut
// takes its storage with it and leaves zeroed storage behind. Default
// panics with an *invariants.Error if p is nil.
func (p *Pool[T]) Default() Rc[T] {
	p = p.checked(invariants.PoolDefault)
	b := p.take()
	if p.reset != nil {
		// Before the header counts as live: if reset panics, the header is
		// simply dropped, and no allocation is left without an owner.
		p.reset(&b.value)
	}
	b.revive(nil)
	return own(b)
}

// Fill allocates headers until the pool holds MaxSize of them, so that the
// next MaxSize calls to New or Default allocate nothing. The new headers
// are freed and count in no one's live allocations. It panics if p is nil.
func (p *Pool[T]) Fill() {
	p = p.checked(invariants.PoolFill)
	for len(p.free) < p.max {
		p.free = append(p.free, p.blank())
	}
}

// Size returns the number of freed headers the pool holds, ready for reuse.
// It is 0 for a new pool, grows as allocations are freed or by Fill, and
// never exceeds MaxSize. It panics if p is nil.
func (p *Pool[T]) Size() int { return len(p.checked(invariants.PoolSize).free) }

// Live returns the number of allocations from p that are not yet freed:
// headers New and Default handed out whose value is alive, or dead but
// still held by a Weak (I5). A pool counts its allocations itself, with a
// plain add, since it is never used by two goroutines at once;
// LiveAllocations' count is shared by every goroutine, so each of its
// changes is an atomic add, and two of those cost about as much as the
// rest of a pooled New and Drop. So in checked builds LiveAllocations
// includes Live, and with -tags rcrelease a pool's allocations are counted
// here only. Live panics if p is nil.
func (p *Pool[T]) Live() int { return p.checked(invariants.PoolLive).out }

// MaxSize returns the largest number of freed headers the pool keeps. It
// panics if p is nil.
func (p *Pool[T]) MaxSize() int { return p.checked(invariants.PoolMaxSize).max }

// checked returns p, or panics naming op if p is nil.
func (p *Pool[T]) checked(op invariants.Op) *Pool[T] {
	if p == nil {
		invariants.Misuse(op, "nil pool")
	}
	return p
}

// newBox returns a header owning value, strong 1 and weak 1 as the
// package's newBox does, reused from the pool if it holds one and allocated
// otherwise. Either way the header returns to this pool when it is freed.
func (p *Pool[T]) newBox(value T, cleanup func(T)) *box[T] {
	b := p.take()
	b.value = value
	b.revive(cleanup)
	return b
}

// take pops the most recently freed header, or allocates a new one.
func (p *Pool[T]) take() *box[T] {
	n := len(p.free)
	if n == 0 {
		return p.blank()
	}
	b := p.free[n-1]
	p.free[n-1] = nil
	p.free = p.free[:n-1]
	return b
}

// blank allocates a header for this pool, freed and in generation 0: the
// state of a header waiting in the pool.
func (p *Pool[T]) blank() *box[T] {
	return &box[T]{Header: invariants.Header{State: invariants.Freed}, home: p}
}

// keepsStorage reports whether a value that dropped in a header of this
// pool leaves its storage behind for Default's reset, instead of zeroing it.
func (p *Pool[T]) keepsStorage() bool { return p != nil && p.reset != nil }

// recycle takes back a header that has just been freed, unless the pool is
// full; a header the pool cannot keep is left to the garbage collector, with
// its storage zeroed so that it holds on to nothing.
func (p *Pool[T]) recycle(b *box[T]) {
	if len(p.free) < p.max {
		p.free = append(p.free, b)
		return
	}
	var zero T
	b.value = zero
}

// revive starts the next life of a header the pool hands out: the counts
// and state of a new allocation, and the next generation, so that handles
// from its earlier lives no longer match it (I5). A pool's headers are
// therefore in generation 1 or later while alive; rc.New's stay at 0.
func (b *box[T]) revive(cleanup func(T)) {
	b.home.countNew()
	b.Header = invariants.Header{Strong: 1, Weak: 1, State: invariants.Alive, Gen: b.Gen + 1}
	b.cleanup = cleanup
	b.trackLeak()
}

// returnsAtOnce reports whether dropping b's last strong handle may take
// dropToPool's shortcut: b is the only strong handle (strong 1) and no Weak
// remains (weak 1, the implicit weak alone, I4), its value has no cleanup
// and its type no Drop method, and its pool has no reset hook. Then the
// drop has nothing to run and nothing to keep, and the allocation is freed
// at once, in both builds. With -tags rctrace every drop takes the long
// way, which notes each step in the header's history. The caller has
// checked the header.
func (b *box[T]) returnsAtOnce() bool {
	return b.Strong == 1 && b.Weak == 1 && b.cleanup == nil && b.home != nil && b.home.plain && !trace.Enabled
}

// dropToPool is the last Drop of a value that returnsAtOnce approved: it
// does what decStrong, dropSlow and free do, in one step, and gives the
// header back to its pool. Nothing runs between the value's death and the
// allocation's, so nothing can observe the steps in between: no destructor
// can call Upgrade (I7) or panic, which is why there is no deferred call,
// and no Weak waits to see the value dead but the allocation live (I4).
// It is most of what brings a released pooled New and Drop near the cost
// of Rust's Rc::new and drop (docs/benchmarks.md); anything with something
// to run takes the long way.
func (b *box[T]) dropToPool(op invariants.Op) {
	var zero T
	b.value = zero // as endValue does: the header holds on to nothing

	// Strong 0 and weak 0 together: the value and the allocation end at
	// once (I2, I5), and free does the rest, as for any allocation.
	b.Strong, b.Weak = 0, 0
	b.free(op)
}

// globalCount says whether a pool's allocations count in LiveAllocations
// too: in checked builds, where the leak checks read it. See Pool.Live.
const globalCount = invariants.Enabled

// countNew counts an allocation the pool hands out.
func (p *Pool[T]) countNew() {
	p.out++
	if globalCount {
		live.Add(1)
	}
}

// takeBack counts a header of this pool as freed, and keeps it for reuse
// if the pool has room (recycle). The header's counts are both 0 (I5).
func (p *Pool[T]) takeBack(b *box[T]) {
	p.out--
	if globalCount {
		live.Add(-1)
	}
	p.recycle(b)
}
