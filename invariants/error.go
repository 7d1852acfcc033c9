package invariants

import "fmt"

// Error is the panic value of every misuse and every broken invariant in
// packages rc, arc and cell. It records the facts: the operation, and either why
// the handle was empty, or what the operation found in the header. The
// message and the rule at stake are worked out from those facts when asked,
// so that the fast paths can build an Error without a call:
//
//	rc: Drop: handle already dropped
//	rc: Get: use after free (I5)
//	rc: Clone: strong count overflow (I1)
//	rc: Drop: use after free: the allocation was freed and its pool reused the header (handle generation 2, header generation 3) (I5)
//	arc: Weak.Upgrade: use after free (I5)
//
// For package rc, Header is a snapshot of the whole header at one instant.
// Package arc's counts are atomics shared across goroutines and read one at
// a time, so there only the count the operation acted on is exact, and the
// diagnosis leans on it. Recover an Error with errors.As.
type Error struct {
	Op     Op     // the operation that was refused
	Empty  bool   // the handle itself was empty; Spent says why
	Spent  Spent  // why the handle was empty, when Empty
	Header Header // the allocation's header when the operation was refused
	After  bool   // the header broke a rule during the operation, not before it
	Gen    uint32 // the generation of the handle that made the call; see Header.Gen
	Detail string // a misuse the header cannot show, e.g. "nil clone function"
	Broke  ID     // the rule a Detail misuse breaks, if any (package cell's borrow rules)
	// Trace is set only in builds with -tags rctrace: where the handle was
	// dropped or moved, where the allocation was made and freed, and its
	// last events, as tab-indented lines that Error appends to the message.
	Trace string
}

// Error returns the message: "pkg: Op: problem", with " (In)" when a rule
// is at stake.
func (e *Error) Error() string {
	rule, problem := e.diagnose()
	msg := e.Op.Package() + ": " + e.Op.Name() + ": " + problem
	if rule != "" {
		msg += " (" + string(rule) + ")"
	}
	if e.Trace != "" {
		msg += "\n" + e.Trace
	}
	return msg
}

// Rule returns the invariant at stake, or "" for a plain misuse such as
// dropping a handle twice.
func (e *Error) Rule() ID {
	rule, _ := e.diagnose()
	return rule
}

func (e *Error) diagnose() (ID, string) {
	h := e.Header
	switch {
	case e.Detail != "":
		return e.Broke, e.Detail
	case e.Empty:
		return "", e.Spent.Problem()
	case e.Op.shared():
		return e.diagnoseShared()
	case e.After:
		rule, problem := inconsistency(h)
		return rule, problem + " after the operation"
	case e.Gen != h.Gen:
		return I5, fmt.Sprintf("use after free: the allocation was freed and its pool reused the header (handle generation %d, header generation %d)", e.Gen, h.Gen)
	case h.State == Freed:
		return I5, "use after free"
	case e.Op.viaStrong() && h.State == Dropping && h.Strong == 0:
		return I2, "value is being dropped: a destructor reached its own allocation through a stale strong handle"
	case e.Op.viaStrong() && h.State == Dead && h.Strong == 0:
		return I2, "value already dropped: this strong handle outlived its value (was it copied without Clone?)"
	case !h.Consistent():
		return inconsistency(h)
	case e.Op == WeakDrop && h.Strong > 0 && h.Weak <= 1:
		return I4, "no Weak left to drop: the last weak unit is the implicit weak, owned by the strong handles (was this Weak copied without Clone?)"
	case e.Op.adds() == addsStrong && h.Strong == MaxCount:
		return I1, "strong count overflow"
	case e.Op.adds() == addsWeak && h.Weak == MaxCount:
		return I1, "weak count overflow"
	}
	return "", "refused on " + describe(h)
}

// diagnoseShared is diagnose for package arc, where the counts were read
// one at a time: the count the operation updated (the one an overflow or a
// stale handle shows in) is trusted first, the state next.
func (e *Error) diagnoseShared() (ID, string) {
	h := e.Header
	switch {
	case h.State == Freed:
		return I5, "use after free"
	case e.Op.adds() == addsStrong && h.Strong == MaxCount:
		return I1, "strong count overflow"
	case e.Op.adds() == addsWeak && h.Weak == MaxCount:
		return I1, "weak count overflow"
	case e.Op.viaStrong() && h.State == Dropping:
		return I2, "value is being dropped: a destructor reached its own allocation through a stale strong handle"
	case e.Op.viaStrong() && (h.State != Alive || h.Strong <= 0):
		return I2, "value already dropped: this strong handle outlived its value (was it copied without Clone?)"
	case e.Op == ArcWeakDrop && h.State != Dead && h.Weak <= 1:
		return I4, "no Weak left to drop: the last weak unit is the implicit weak, owned by the strong handles (was this Weak copied without Clone?)"
	case h.Strong < 0 || h.Weak < 0:
		return I1, "count underflow: " + describe(h)
	case h.Weak == 0:
		return I5, "use after free"
	}
	return "", "refused on " + describe(h)
}

// inconsistency names the first rule an inconsistent header breaks.
func inconsistency(h Header) (ID, string) {
	counts := describe(h)
	switch {
	case h.Strong < 0 || h.Weak < 0:
		return I1, "count underflow: " + counts
	case h.State == Alive && h.Strong == 0, h.State != Alive && h.Strong > 0:
		return I2, "value liveness does not match the strong count: " + counts
	case h.State == Alive && h.Weak == 0:
		return I4, "implicit weak missing while strong > 0: " + counts
	case h.State == Freed:
		return I5, "freed while counts remain: " + counts
	case h.Weak == 0:
		return I3, "allocation live with no owner left: " + counts
	}
	return I1, "invalid header state: " + counts
}

func describe(h Header) string {
	return fmt.Sprintf("strong=%d weak=%d state=%s", h.Strong, h.Weak, h.State)
}
