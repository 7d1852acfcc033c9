package destructor

import (
	"io"

	"github.com/rcbook/rcbook/invariants"
)

// Fallible turns a cleanup that can fail into the cleanup a header runs,
// which has no result: a non-nil error becomes a panic with an
// *invariants.CleanupError naming op. Run's deferred steps (the value's
// Drop method, then the header's end of the drop) still happen on the way
// out, so the drop is complete when the panic reaches the caller: Drop
// lets it through, Close catches it with CatchCleanupError.
//
// A panic is how the error leaves a drop without touching the hot path:
// the header keeps one cleanup field, and the handles' Drop is unchanged.
func Fallible[T any](op invariants.Op, cleanup func(T) error) func(T) {
	if cleanup == nil {
		return nil
	}
	return func(value T) {
		if err := cleanup(value); err != nil {
			panic(&invariants.CleanupError{Op: op, Err: err})
		}
	}
}

// MustClose is the cleanup of NewCloser: Close, with a failure turned into
// a panic with an *invariants.CleanupError naming op, as Fallible does. It
// saves NewCloser the closure Fallible would wrap around Close.
func MustClose[T io.Closer](op invariants.Op, value T) {
	if err := Close(value); err != nil {
		panic(&invariants.CleanupError{Op: op, Err: err})
	}
}

// Close returns value.Close(), except for a nil value (a nil pointer or a
// nil interface), which owns nothing and is not asked, as a nil Dropper is
// not.
func Close[T io.Closer](value T) error {
	if isNil(value) {
		return nil
	}
	return value.Close()
}

// isNil reports whether value is a nil interface or a nil pointer.
func isNil[T any](value T) bool {
	v := any(value)
	return v == nil || isNilPointer(v)
}

// CatchCleanupError is deferred by Close: if the drop panicked with an
// *invariants.CleanupError, the drop is complete and *err becomes the
// cleanup's error; any other panic goes on. A CleanupError that a Drop
// inside the cleanup raised (an owned handle whose own cleanup failed) is
// caught too: it is the reason this cleanup did not finish.
func CatchCleanupError(err *error) {
	p := recover()
	if p == nil {
		return
	}
	if ce, ok := p.(*invariants.CleanupError); ok {
		*err = ce.Err
		return
	}
	panic(p)
}
