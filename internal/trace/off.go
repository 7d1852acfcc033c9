//go:build !rctrace

package trace

import "github.com/rcbook/rcbook/invariants"

// Enabled reports whether tracing is compiled in (-tags rctrace). It is a
// constant, so every `if trace.Enabled { ... }` is deleted from a build
// without the tag.
const Enabled = false

// Log is empty without -tags rctrace.
type Log struct{}

// Note does nothing without -tags rctrace.
func (*Log) Note(int64, int64, invariants.State) {}

// History is nil without -tags rctrace.
func (*Log) History() *History { return nil }

// String is "" without -tags rctrace.
func (*Log) String() string { return "" }

// Mark is empty without -tags rctrace.
type Mark struct{}

// Set does nothing without -tags rctrace.
func (*Mark) Set(invariants.Spent, *Log) {}

// Record is 0 without -tags rctrace.
func (*Mark) Record() uint32 { return 0 }

// Spend records nothing and returns 0 without -tags rctrace.
func Spend(invariants.Spent, *Log) uint32 { return 0 }

// Released records nothing and returns 0 without -tags rctrace.
func Released() uint32 { return 0 }

// Trail is "" without -tags rctrace.
func Trail(uint32) string { return "" }
