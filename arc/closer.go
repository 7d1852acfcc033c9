package arc

import (
	"io"

	"github.com/rcbook/rcbook/internal/destructor"
	"github.com/rcbook/rcbook/invariants"
)

// Cleanups that can fail, as in package rc (rc/closer.go): Close returns
// the error of the cleanup it ran, and a Drop that runs a failing cleanup
// completes the drop and then panics with an *invariants.CleanupError. Here
// the last owner is whichever goroutine lets go last, so a cleanup that can
// fail wants Close from every owner that might be it: a panic on a worker
// goroutine ends the program.

// NewCloser is New for a value that closes itself: the cleanup is
// value.Close, run once, on the goroutine that drops the last strong
// handle. A nil value (a nil pointer or a nil interface) is not closed.
// Arc.Close returns the error; Drop panics with it (see NewWithCleanupErr).
func NewCloser[T io.Closer](value T) Arc[T] {
	return own(newBox(value, func(v T) { destructor.MustClose(invariants.ArcDrop, v) }))
}

// NewWithCleanupErr is NewWithCleanup with a cleanup that can fail: cleanup
// runs exactly once, on the goroutine that drops the last strong handle,
// before the value's own Drop method if it has one. If it returns an error,
// the drop still completes (value dropped, implicit weak released,
// allocation freed if no Weak remains, I2, I4, I5) and then Close returns
// the error, or Drop panics with an *invariants.CleanupError that wraps it.
// A nil cleanup is no cleanup. If TryUnwrap, IntoInner or UnwrapOrClone
// takes the value back, cleanup never runs.
func NewWithCleanupErr[T any](value T, cleanup func(T) error) Arc[T] {
	return own(newBox(value, destructor.Fallible(invariants.ArcDrop, cleanup)))
}

// Close is Drop that returns the error of the cleanup it ran: strong − 1,
// one atomic Add, and if that Add brought strong to 0, the value is dropped
// on this goroutine and Close returns what its cleanup returned. It returns
// nil if another handle remains or the cleanup cannot fail. a is empty
// afterwards. With Close an Arc is an io.Closer.
//
// Close never panics with the cleanup's error. It panics with an
// *invariants.Error if a is empty or stale, and lets any other panic of the
// destructor through once the drop is complete.
//
// A Close that is not the last costs what Drop does: one atomic Add.
func (a *Arc[T]) Close() error {
	var n int64
	if b := a.box; b != nil {
		if n = b.strong.Add(-1); n > 0 {
			a.box, a.spent = nil, invariants.Dropped
			return nil
		}
	}
	return a.closeSlow(n)
}

// closeSlow is Close for the last strong handle (n == 0) and for every
// misuse, as dropSlow is Drop's: an empty handle (the count was not
// touched) or a count that was already 0 (n < 0; the Add is undone) panics
// as itself, and the last drop's cleanup error is caught.
func (a *Arc[T]) closeSlow(n int64) (err error) {
	const op = invariants.ArcClose
	b := a.box
	switch {
	case b == nil:
		invariants.RefuseEmpty(op, a.spent)
	case n < 0:
		b.strong.Add(1)
		panic(refused(op, n+1, b.weak.Load(), b.loadState()))
	case invariants.Enabled && b.loadState() != invariants.Alive:
		b.strong.Add(1) // strong was 1 on a value not alive: a corrupted header
		panic(refused(op, 1, b.weak.Load(), b.loadState()))
	}
	a.box, a.spent = nil, invariants.Dropped
	defer destructor.CatchCleanupError(&err)
	b.dropValue(op)
	return nil
}
