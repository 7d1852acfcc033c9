package invariants

// Error is the panic value of every misuse and every broken invariant in
// rcbook. Its message reads "pkg: Op: problem" or, when a rule is broken,
// "pkg: Op: problem (I5)". Recover it with errors.As.
type Error struct {
	Op      Op     // the operation that was refused
	Rule    ID     // the invariant at stake, or "" for plain misuse
	Problem string // what went wrong, in the book's words
}

// Error returns the message, e.g. "rc: Get: use after free (I5)".
func (e *Error) Error() string {
	msg := e.Op.Package() + ": " + e.Op.Name() + ": " + e.Problem
	if e.Rule != "" {
		msg += " (" + string(e.Rule) + ")"
	}
	return msg
}

// Fail panics with an *Error for op. Callers keep it off their hot path: it
// is only reached once a check has already failed.
func Fail(op Op, rule ID, problem string) {
	panic(&Error{Op: op, Rule: rule, Problem: problem})
}
