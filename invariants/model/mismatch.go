package model

import (
	"errors"
	"fmt"
	"strings"

	"github.com/rcbook/rcbook/invariants"
)

// Mismatch is one thing an implementation did that the model says it must
// not: a count, a value or an answer that differs from the model's, or a
// panic the model did not expect. It is data, not text, so that rapid, the
// explorer, the verification lab and the exercises all report it the same
// way, and a tool can read which rule was broken without parsing a message.
type Mismatch struct {
	Check string        // what was compared, e.g. "StrongCount of s1"
	Rule  invariants.ID // the rule at stake, or "" for a plain disagreement with the model
	Want  string        // what the model expected; "" when the check compares nothing
	Got   string        // what the implementation did
	Panic string        // the implementation's panic, when it panicked unexpectedly
}

// Error returns the mismatch in one line:
//
//	StrongCount of s1: expected 2, got 1
//	s1.GetMut must succeed exactly when strong == 1 and no Weak exists (I6): expected false, got true
//	panic: rc: Get: use after free (I5)
func (m *Mismatch) Error() string {
	if m.Panic != "" {
		return "panic: " + m.Panic
	}
	var b strings.Builder
	b.WriteString(m.Check)
	if m.Rule != "" {
		b.WriteString(" (" + string(m.Rule) + ")")
	}
	if m.Want != "" || m.Got != "" {
		fmt.Fprintf(&b, ": expected %s, got %s", m.Want, m.Got)
	}
	return b.String()
}

// Caught names what caught the mismatch: its rule, or "model" when the
// implementation merely disagreed with the reference model on a count, a
// value or an answer.
func (m *Mismatch) Caught() string {
	if m.Rule == "" {
		return "model"
	}
	return string(m.Rule)
}

// panicked turns an unexpected panic into a Mismatch. A refusal by rcbook's
// own checks is an *invariants.Error, and brings its rule along.
func panicked(p any) *Mismatch {
	m := &Mismatch{Panic: fmt.Sprint(p)}
	if err, ok := p.(error); ok {
		var refusal *invariants.Error
		if errors.As(err, &refusal) {
			m.Rule = refusal.Rule()
		}
	}
	return m
}

// Violation is a step sequence an implementation gets wrong: the steps, as
// Go statements, and the mismatch the last of them produced.
type Violation struct {
	Trace    []string // what each step did, e.g. "s2 := s1.Clone()"
	Mismatch Mismatch // what the check found after the last step
}

// String prints the steps, one per line, then "=> " and the mismatch.
func (v *Violation) String() string {
	return strings.Join(v.Trace, "\n") + "\n=> " + v.Mismatch.Error()
}

// Steps counts the operations in the trace, leaving out the comment lines
// (such as "// then every handle left is dropped").
func (v *Violation) Steps() int {
	n := 0
	for _, line := range v.Trace {
		if !strings.HasPrefix(line, "//") {
			n++
		}
	}
	return n
}
