package pool

import (
	"github.com/rcbook/rcbook/internal/rcbox"
	"github.com/rcbook/rcbook/invariants"
)

// Pool keeps up to MaxSize freed headers for values of type T. Make one with
// NewPool; the zero Pool is a null pool that keeps nothing. A Pool must not
// be copied once used: headers remember the pool they return to.
type Pool[T any] struct {
	_       rcbox.NoCopy
	headers rcbox.Pool[T]
}

// NewPool returns an empty pool that will keep up to maxSize freed headers;
// 0 makes a null pool, which never keeps one. reset, if not nil, prepares
// the storage of a reused header for Default (see Default); New does not
// call it. NewPool panics with an *invariants.Error if maxSize is negative.
func NewPool[T any](maxSize int, reset func(*T)) *Pool[T] {
	if maxSize < 0 {
		invariants.Misuse(invariants.PoolNewPool, "negative maximum size")
	}
	p := &Pool[T]{}
	p.headers.Init(maxSize, reset)
	return p
}

// Fill allocates headers until the pool holds MaxSize of them, so that the
// next MaxSize calls to New or Default allocate nothing. It panics if p is
// nil.
func (p *Pool[T]) Fill() { p.checked(invariants.PoolFill).Fill() }

// Size returns the number of freed headers the pool holds, ready for reuse.
// It is 0 for a new pool, grows as allocations are freed or by Fill, and
// never exceeds MaxSize. It panics if p is nil.
func (p *Pool[T]) Size() int { return p.checked(invariants.PoolSize).Size() }

// MaxSize returns the largest number of freed headers the pool keeps. It
// panics if p is nil.
func (p *Pool[T]) MaxSize() int { return p.checked(invariants.PoolMaxSize).MaxSize() }

// checked returns p's headers, or panics naming op if p is nil.
func (p *Pool[T]) checked(op invariants.Op) *rcbox.Pool[T] {
	if p == nil {
		invariants.Misuse(op, "nil pool")
	}
	return &p.headers
}
