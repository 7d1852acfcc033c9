package arc

import "github.com/rcbook/rcbook/invariants"

// Misuse panics with an *invariants.Error, as in package rc, whose message
// names the package, the operation and, where a rule is broken, the
// invariant: "arc: Drop: handle already dropped", "arc: Weak.Upgrade: use
// after free (I5)". The operations are invariants.ArcNew and the rest.

// refused is the error of an operation that found the given counts and
// state. The counts were read one at a time, so only the one the operation
// acted on is exact under concurrency; *invariants.Error diagnoses arc's
// operations with that in mind.
func refused(op invariants.Op, strong, weak int64, state invariants.State) *invariants.Error {
	return &invariants.Error{Op: op, Header: invariants.Header{Strong: int(strong), Weak: int(weak), State: state}}
}
