// Package pool is the card's folder for pooled allocations: rc.Rc headers
// from a bounded pool of reusable headers, so that allocating costs no trip
// to Go's allocator once the pool is warm. The code lives in package rc,
// beside the header it recycles: read rc/pool.go. Everything here forwards
// to it, under the names this package has always had, and holds no logic
// of its own.
//
// New(p, v) returns an ordinary rc.Rc: Clone, Drop, weak.Downgrade,
// Upgrade, MakeMut and the rest work exactly as they do for rc.New, and
// every rule I1–I7 holds unchanged. A freed header goes back to its pool
// (unless the pool is full), and a handle that outlived its allocation is
// refused by generation once the header is reused (I5, checked builds).
// Misuse panics with an *invariants.Error that names the operation as
// package rc spells it: "rc: Pool.New: nil pool".
//
// A Pool is not safe for concurrent use, and neither are the handles it
// makes. The zero Pool is a null pool: it keeps nothing.
package pool

import "github.com/rcbook/rcbook/rc"

// Pool is rc.Pool: up to MaxSize freed headers for values of type T.
type Pool[T any] = rc.Pool[T]

// NewPool returns an empty pool that keeps up to maxSize freed headers; it
// is rc.NewPool.
func NewPool[T any](maxSize int, reset func(*T)) *Pool[T] { return rc.NewPool(maxSize, reset) }

// New is rc.New with the header taken from p; it is p.New (rc.Pool.New).
func New[T any](p *Pool[T], value T) rc.Rc[T] { return p.New(value) }

// NewWithCleanup is rc.NewWithCleanup with the header taken from p; it is
// p.NewWithCleanup (rc.Pool.NewWithCleanup).
func NewWithCleanup[T any](p *Pool[T], value T, cleanup func(T)) rc.Rc[T] {
	return p.NewWithCleanup(value, cleanup)
}

// Default returns a strong handle to a value in its default state, from p;
// it is p.Default (rc.Pool.Default).
func Default[T any](p *Pool[T]) rc.Rc[T] { return p.Default() }
