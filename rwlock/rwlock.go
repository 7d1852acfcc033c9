// Package rwlock is a readers–writer lock holding a value of type T, built
// from nothing but a refcount.RefCount: a read guard holds a shared
// reference, a write guard the exclusive one. It inherits RefCount's
// fairness (a waiting writer blocks new readers; readers queued behind a
// writer are admitted together when it is done) and its cancellation: Read
// and Write give up when their context is done.
package rwlock

import (
	"context"

	"github.com/rcbook/rcbook/refcount"
)

// RwLock guards a value of type T: many readers at once, or one writer.
// The zero RwLock holds T's zero value and is ready to use. An RwLock must
// not be copied.
type RwLock[T any] struct {
	refs  refcount.RefCount
	value T
}

// New returns an RwLock holding v, with no guard held.
func New[T any](v T) *RwLock[T] { return &RwLock[T]{value: v} }

// ReadGuard is shared access to the value, until Release.
type ReadGuard[T any] struct {
	ref   refcount.Ref
	value *T
}

// WriteGuard is exclusive access to the value, until Release.
type WriteGuard[T any] struct {
	ref   refcount.ExclusiveRef
	value *T
}

// Read waits for shared access, as RefCount.Acquire does: it returns a guard,
// or nil and ctx.Err() if ctx is done before access is granted.
//
// Read and the three below are written to stay small enough to be inlined,
// so that a guard released in the function that took it is not allocated.
func (l *RwLock[T]) Read(ctx context.Context) (g *ReadGuard[T], err error) {
	g = &ReadGuard[T]{value: &l.value}
	if err = acquire(&l.refs, ctx, &g.ref); err != nil {
		return nil, err
	}
	return
}

// TryRead returns a read guard and true if shared access can be granted now
// (no writer holds or awaits the lock), else nil and false. It never blocks.
func (l *RwLock[T]) TryRead() (g *ReadGuard[T], ok bool) {
	g = &ReadGuard[T]{value: &l.value}
	if ok = tryAcquire(&l.refs, &g.ref); !ok {
		return nil, false
	}
	return
}

// acquire and tryAcquire take a shared reference into r, out of line.
// RefCount's Acquire and TryAcquire are inlined wherever they are called,
// and each uses most of Go's inlining budget, so Read and TryRead,
// which call them, would no longer be inlined into their callers; their
// guard would then escape, an allocation per read. Calling them here keeps
// Read and TryRead small, at the price of the one call they always paid.
//
//go:noinline
func acquire(refs *refcount.RefCount, ctx context.Context, r *refcount.Ref) (err error) {
	*r, err = refs.Acquire(ctx)
	return
}

//go:noinline
func tryAcquire(refs *refcount.RefCount, r *refcount.Ref) (ok bool) {
	*r, ok = refs.TryAcquire()
	return
}

// Write waits for exclusive access, as RefCount.AcquireExclusive does: it
// returns a guard, or nil and ctx.Err() if ctx is done before access is
// granted.
func (l *RwLock[T]) Write(ctx context.Context) (g *WriteGuard[T], err error) {
	g = &WriteGuard[T]{value: &l.value}
	if g.ref, err = l.refs.AcquireExclusive(ctx); err != nil {
		return nil, err
	}
	return
}

// TryWrite returns a write guard and true if exclusive access can be granted
// now (no guard held, nobody waiting), else nil and false. It never blocks.
func (l *RwLock[T]) TryWrite() (g *WriteGuard[T], ok bool) {
	g = &WriteGuard[T]{value: &l.value}
	if g.ref, ok = l.refs.TryAcquireExclusive(); !ok {
		return nil, false
	}
	return
}

// Value returns a pointer to the guarded value, for reading only: writing
// through it races with the other readers. It is valid until Release, and
// nil after it.
func (g *ReadGuard[T]) Value() *T { return g.value }

// Release ends shared access. Releasing twice panics with a *refcount.Error.
func (g *ReadGuard[T]) Release() {
	g.ref.Release()
	g.value = nil
}

// Value returns a pointer to the guarded value, to read and write. It is
// valid until Release, and nil after it.
func (g *WriteGuard[T]) Value() *T { return g.value }

// Release ends exclusive access. Releasing twice panics with a
// *refcount.Error.
func (g *WriteGuard[T]) Release() {
	g.ref.Release()
	g.value = nil
}
