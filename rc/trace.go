package rc

import (
	"github.com/rcbook/rcbook/internal/trace"
	"github.com/rcbook/rcbook/invariants"
)

// Built with -tags rctrace, rc records who did what (package
// internal/trace): every header keeps its recent history in its log field
// (each count change, the value's end, the free, with the program's line
// that caused it), every handle emptied by Drop, Move or TryUnwrap keeps in
// its gen field the number of the record of where that happened, and the
// *invariants.Error of a misuse carries both in its Trace. The hooks are
// `if trace.Enabled { ... }` in the operations that change a count or
// empty a handle; without the tag the constant is false, the compiler
// deletes them, and log is an empty struct. The handles gain no field:
// Rc and Weak have four, the most a struct may have and still be kept in
// registers.

// note records b's counts and state, just changed, in its history.
func (b *box[T]) note() { b.log.Note(int64(b.Strong), int64(b.Weak), b.State) }

// spend records that a handle to b (nil for a dangling Weak) is being
// emptied because of why, by the program's line that called the
// operation, and returns the record's number for the handle to keep.
func spend[T any](why invariants.Spent, b *box[T]) uint32 {
	var l *trace.Log
	if b != nil {
		l = &b.log
	}
	return trace.Spend(why, l)
}
