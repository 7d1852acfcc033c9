package rc

import (
	"io"

	"github.com/rcbook/rcbook/internal/destructor"
	"github.com/rcbook/rcbook/invariants"
)

// Cleanups that can fail. Nearly every Close in Go returns an error, and a
// cleanup that throws it away hides the one report of lost data a program
// gets (a write-back that failed at close, a flush to a full disk). So a
// cleanup may return an error, and there are two ways to drop a handle:
//
//   - Close returns the error of the cleanup it ran, nil if it was not the
//     last owner. An Rc is an io.Closer, and `defer r.Close()` or
//     `err = r.Close()` reads as Go code always does.
//   - Drop has no result. If it is the last owner and the cleanup fails,
//     Drop completes the drop and then panics with an
//     *invariants.CleanupError that wraps the error. It does not log the
//     error (a library has no business choosing where logs go) and does not
//     drop it (that is the silent loss this API exists to end); a panic is
//     what Go does when a call that cannot report a failure fails, as the
//     Must functions do, and it is what Drop already does when a cleanup
//     panics. Owners that may be the last to let go of a resource whose
//     close can fail call Close.

// NewCloser is New for a value that closes itself: the cleanup is
// value.Close, run once, when the last strong handle is dropped. A nil value
// (a nil pointer or a nil interface) owns nothing and is not closed. The
// error Close returns is the last owner's to handle: Rc.Close returns it,
// and Drop panics with it (see NewWithCleanupErr).
func NewCloser[T io.Closer](value T) Rc[T] {
	return own(newBox(value, func(v T) { destructor.MustClose(invariants.RcDrop, v) }))
}

// NewWithCleanupErr is NewWithCleanup with a cleanup that can fail: cleanup
// runs exactly once, when the last strong handle goes, before the value's
// own Drop method if it has one. If it returns an error, the drop still
// completes (the value is dropped, the implicit weak released, the
// allocation freed if no Weak remains, I2, I4, I5) and then:
//
//   - Close, if it dropped the last handle, returns the error;
//   - Drop panics with an *invariants.CleanupError that wraps it, since it
//     cannot return it and the error must not vanish.
//
// A nil cleanup is no cleanup. If TryUnwrap, IntoInner or UnwrapOrClone
// takes the value back, cleanup never runs: the caller owns the value.
func NewWithCleanupErr[T any](value T, cleanup func(T) error) Rc[T] {
	return own(newBox(value, destructor.Fallible(invariants.RcDrop, cleanup)))
}

// Close is Drop that returns the error of the cleanup it ran: strong − 1,
// and if r was the last strong handle, the value is dropped and Close
// returns what its cleanup returned (NewWithCleanupErr, NewCloser). It
// returns nil if r was not the last owner, or if the value's cleanup cannot
// fail. Either way r is empty afterwards. With Close an Rc is an io.Closer.
//
// Close never panics with the cleanup's error. Like Drop it panics with an
// *invariants.Error if r is empty (the zero Rc, or one already dropped or
// moved) or stale, and lets any other panic of the destructor through, once
// the drop is complete.
//
// A Close that is not the last takes Drop's fast path, dropFast; only the
// slow path differs.
func (r *Rc[T]) Close() (err error) {
	dropFast(r, func(r *Rc[T]) { err = r.closeSlow() })
	return err
}

// closeSlow is Close for the last strong handle and for every misuse, as
// dropSlow is Drop's: the checks first, so that a misuse panics as itself,
// then the last drop, whose cleanup's error it catches.
func (r *Rc[T]) closeSlow() (err error) {
	b := r.header(invariants.RcClose)
	r.empty(invariants.Dropped)
	defer destructor.CatchCleanupError(&err)
	b.decStrong(invariants.RcClose)
	return nil
}
