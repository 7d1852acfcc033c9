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
	return NewWithCleanupErr(value, destructor.Close[T])
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
func (a *Arc[T]) Close() (err error) {
	b := a.header(invariants.ArcClose)
	defer destructor.CatchCleanupError(&err)
	a.box, a.spent = nil, invariants.Dropped
	b.dropStrong(invariants.ArcClose)
	return nil
}
