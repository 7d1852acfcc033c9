// Package lastdrop is exercise 09: the checks the invariants demand when a
// strong handle is dropped, and the order of the last strong drop, on a
// header small enough to corrupt by hand.
package lastdrop

import "fmt"

// Header is a toy allocation header. rcbook's own (rc/box.go) keeps
// the same two counts, and a state where this one has two flags. Weak is
// the raw weak count: while Strong > 0 it includes the implicit weak that
// all strong handles own together (I4).
type Header struct {
	Strong, Weak   int
	Dropped, Freed bool
}

// Allocation is a Header with the value's destructor and a log of every
// step taken on it, in order.
type Allocation struct {
	Header
	// Destructor is the value's destructor, run by DropValue; nil if the
	// value has none. It gets the header, so that it can look at (or, in
	// the tests, change) the state the destructor runs in.
	Destructor func(*Header)
	// Log holds one line per step, such as "strong 1 → 0".
	Log []string
}

// New returns an allocation with a live value and one strong handle:
// strong 1, raw weak 1 (the implicit weak, I4).
func New(destructor func(*Header)) *Allocation {
	return &Allocation{Header: Header{Strong: 1, Weak: 1}, Destructor: destructor}
}

// The steps of a drop. Each does one thing to the header and logs it. None
// of them checks anything: that is DropStrong's job.

// DecStrong removes one strong handle: strong − 1.
func (a *Allocation) DecStrong() {
	a.record("strong %d → %d", a.Strong, a.Strong-1)
	a.Strong--
}

// DropValue runs the value's destructor and marks the value dropped. If the
// destructor panics, the value still counts as dropped and the panic goes
// on to DropValue's caller.
func (a *Allocation) DropValue() {
	a.record("drop value")
	defer func() { a.Dropped = true }()
	if a.Destructor != nil {
		a.Destructor(&a.Header)
	}
}

// ReleaseImplicitWeak gives up the one unit of weak that the strong handles
// owned together: weak − 1.
func (a *Allocation) ReleaseImplicitWeak() {
	a.record("release implicit weak: weak %d → %d", a.Weak, a.Weak-1)
	a.Weak--
}

// Free frees the allocation. Nothing may touch it afterwards (I5).
func (a *Allocation) Free() {
	a.record("free")
	a.Freed = true
}

func (a *Allocation) record(format string, args ...any) {
	a.Log = append(a.Log, fmt.Sprintf(format, args...))
}

// Violation is the error DropStrong returns, instead of changing anything,
// when the header breaks an invariant.
type Violation struct {
	Invariant string // the rule's ID, "I1" to "I7"
	Detail    string // what is wrong with the header
}

func (v *Violation) Error() string { return v.Invariant + ": " + v.Detail }
