package pool

import (
	"github.com/rcbook/rcbook/internal/rcbox"
	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rc"
)

// New is rc.New with the header taken from p: it returns the first strong
// handle to value, strong count 1 and weak count 0. The header is reused
// from p if p holds one, and allocated otherwise; either way it returns to p
// when the allocation is freed. New panics with an *invariants.Error if p is
// nil.
func New[T any](p *Pool[T], value T) rc.Rc[T] {
	return rc.FromHeader(rcbox.Bridge, p.checked(invariants.PoolNew).New(value, nil))
}

// NewWithCleanup is New with a destructor, as rc.NewWithCleanup: cleanup runs
// exactly once, when the last strong handle is dropped.
func NewWithCleanup[T any](p *Pool[T], value T, cleanup func(T)) rc.Rc[T] {
	return rc.FromHeader(rcbox.Bridge, p.checked(invariants.PoolNewWithCleanup).New(value, cleanup))
}

// Default returns a strong handle to a value in its default state, without
// copying one in. For a header from the heap that is the zero T. For a
// reused header it depends on the pool's reset hook: with one, the header
// keeps the storage its previous value left behind and reset prepares it,
// so that what the value owned (a slice's backing array, a map's buckets)
// is reused too; without one, the storage was zeroed when the previous
// value dropped. reset is also called on the zero T of a new header, so it
// must accept one.
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
func Default[T any](p *Pool[T]) rc.Rc[T] {
	return rc.FromHeader(rcbox.Bridge, p.checked(invariants.PoolDefault).Default(nil))
}
