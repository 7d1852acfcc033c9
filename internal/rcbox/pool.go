package rcbox

import "github.com/rcbook/rcbook/invariants"

// Pool keeps freed headers for reuse, so that a new allocation can skip Go's
// allocator: New takes the most recently freed header, if the pool has one,
// and starts its next life. A header comes back to its pool when it is
// freed, that is when strong and weak have both reached 0 (I5), so Weaks
// work exactly as they do for headers from the heap: a Weak that outlives
// the value keeps the header out of the pool until it is dropped.
//
// Reuse is what makes a pool dangerous: a handle that outlived its
// allocation (one copied without Clone) still points at the header, and
// after reuse the header is alive again, for someone else. Every header
// therefore counts its lives in Header.Gen, and every handle records the
// generation it was made for; the checks refuse a handle from an earlier
// life (I5). A stale handle escapes only if the same header is reused 2^32
// times while it waits, since Gen wraps around.
//
// A Pool is not safe for concurrent use, like the handles.
type Pool[T any] struct {
	free  []*Box[T] // freed headers, most recent last; every one has State Freed
	max   int       // len(free) never exceeds it; 0 makes a null pool
	reset func(*T)  // brings reused storage to its default state, or nil
	plan  dropPlan  // how values of type T are dropped, worked out once
}

// Init sets up a zero Pool to keep up to maxSize freed headers. reset, if
// not nil, is how Default prepares storage for its next value; without it
// storage is zeroed. The caller has checked that maxSize ≥ 0. The zero Pool
// is ready to use as a null pool, which keeps nothing.
func (p *Pool[T]) Init(maxSize int, reset func(*T)) {
	p.max, p.reset, p.plan = maxSize, reset, planDrop[T]()
}

// Size returns the number of freed headers waiting in the pool.
func (p *Pool[T]) Size() int { return len(p.free) }

// MaxSize returns the most freed headers the pool keeps.
func (p *Pool[T]) MaxSize() int { return p.max }

// Fill allocates headers until the pool holds MaxSize of them, so that the
// next MaxSize allocations need no trip to the heap. The new headers are
// freed and count in no one's live allocations.
func (p *Pool[T]) Fill() {
	for len(p.free) < p.max {
		p.free = append(p.free, p.blank())
	}
}

// New returns a header owning value, strong 1 and weak 1 as rcbox.New does,
// reused from the pool if it holds one and allocated otherwise. Either way
// the header returns to this pool when it is freed.
func (p *Pool[T]) New(value T, cleanup func(T)) *Box[T] {
	b := p.take()
	b.value = value
	b.revive(cleanup)
	return b
}

// Default is New without a value: the header's storage is handed over as it
// is, after reset if the pool has one. For a new header that is the zero T;
// for a reused header it is what the previous value left behind (its
// storage is kept only when the pool has a reset hook, and zeroed
// otherwise). This is how a pool reuses what a value owns, such as a slice's
// backing array, and not just the header.
func (p *Pool[T]) Default(cleanup func(T)) *Box[T] {
	b := p.take()
	if p.reset != nil {
		// Before the header counts as live: if reset panics, the header is
		// simply dropped, and no allocation is left without an owner.
		p.reset(&b.value)
	}
	b.revive(cleanup)
	return b
}

// take pops the most recently freed header, or allocates a new one.
func (p *Pool[T]) take() *Box[T] {
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
func (p *Pool[T]) blank() *Box[T] {
	return &Box[T]{Header: invariants.Header{State: invariants.Freed}, home: p}
}

// keepsStorage reports whether a value that dropped in a header of this
// pool leaves its storage behind for Default's reset, instead of zeroing it.
func (p *Pool[T]) keepsStorage() bool { return p != nil && p.reset != nil }

// recycle takes back a header that has just been freed, unless the pool is
// full; a header the pool cannot keep is left to the garbage collector, with
// its storage zeroed so that it holds on to nothing.
func (p *Pool[T]) recycle(b *Box[T]) {
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
func (b *Box[T]) revive(cleanup func(T)) {
	live.Add(1)
	b.Header = invariants.Header{Strong: 1, Weak: 1, State: invariants.Alive, Gen: b.Gen + 1}
	b.cleanup = cleanup
	if invariants.Enabled {
		b.trackLeak()
	}
}
