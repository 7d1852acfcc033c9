package arc

import (
	"github.com/rcbook/rcbook/internal/trace"
	"github.com/rcbook/rcbook/invariants"
)

// Built with -tags rctrace, arc records who did what, as package rc does
// (package internal/trace): every header keeps its recent history in its
// log field, every handle remembers in its trail where it was dropped,
// moved or consumed, and the *invariants.Error of a misuse carries both in
// its Trace. The hooks are `if trace.Enabled { ... }`; without the tag the
// compiler deletes them and log and trail are empty structs. Under the tag
// Downgrade and Upgrade also leave their one-CAS fast paths to the slow
// ones, which record the change; the counts a History shows were read one
// at a time, like the counts of arc's errors, and are exact only while no
// other goroutine changes them.

// note records b's counts and state, just changed, in its history.
func (b *box[T]) note() { b.log.Note(b.strong.Load(), b.weak.Load(), b.loadState()) }

// mark records in m that a handle to b (nil for a dangling Weak) is being
// emptied because of why, by the program's line that called the operation.
func mark[T any](m *trace.Mark, why invariants.Spent, b *box[T]) {
	var l *trace.Log
	if b != nil {
		l = &b.log
	}
	m.Set(why, l)
}

// traced adds b's history to err, with -tags rctrace, and returns err.
func (b *box[T]) traced(err *invariants.Error) *invariants.Error {
	if trace.Enabled {
		trace.Annotate(err, &b.log)
	}
	return err
}
