package rc

import (
	"github.com/rcbook/rcbook/internal/trace"
	"github.com/rcbook/rcbook/invariants"
)

// Built with -tags rctrace, rc records who did what (package
// internal/trace): every header keeps its recent history in its log field
// (each count change, the value's end, the free, with the program's line
// that caused it), every handle remembers in its trail where it was
// dropped, moved or consumed, and the *invariants.Error of a misuse carries
// both in its Trace. The hooks are `if trace.Enabled { ... }` in the
// operations that change a count or empty a handle; without the tag the
// constant is false, the compiler deletes them, and log and trail are
// empty structs.

// note records b's counts and state, just changed, in its history.
func (b *box[T]) note() { b.log.Note(int64(b.Strong), int64(b.Weak), b.State) }

// mark records in m that a handle to b (nil for a dangling Weak) is being
// emptied because of why, by the program's line that called the operation.
func mark[T any](m *trace.Mark, why invariants.Spent, b *box[T]) {
	var l *trace.Log
	if b != nil {
		l = &b.log
	}
	m.Set(why, l)
}
