package rcmap

import "errors"

// ErrCreatePanicked is the error of the Acquires that waited for a create
// that panicked: the panic goes on in the goroutine that called create, and
// the goroutines that waited for it return this error.
var ErrCreatePanicked = errors.New("rcmap: Acquire: the create this Acquire waited for panicked")

// Error is the panic value of every misuse of a Handle. Its message names
// the package, the operation and the problem:
//
//	rcmap: Release: handle already released
//
// Recover it with errors.As.
type Error struct {
	Op      string // the refused operation, e.g. "Release"
	Problem string // what was wrong, e.g. "handle already released"
}

// Error returns "rcmap: Op: Problem".
func (e *Error) Error() string { return "rcmap: " + e.Op + ": " + e.Problem }

// refuseSpent is the error of using a handle that holds nothing: released,
// moved, or the zero Handle.
func refuseSpent(op string, why spent) *Error {
	switch why {
	case released:
		return &Error{Op: op, Problem: "handle already released"}
	case moved:
		return &Error{Op: op, Problem: "handle was moved out (use the handle Move returned)"}
	}
	return &Error{Op: op, Problem: "zero Handle (make handles with Acquire, Join or Clone)"}
}
