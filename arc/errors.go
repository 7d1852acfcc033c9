package arc

import (
	"fmt"

	"github.com/rcbook/rcbook/invariants"
)

// Op names an operation of package arc, so that an error can say which call
// went wrong. It is a small integer to keep the hot paths cheap.
type Op uint8

// The operations of package arc. Weak's methods are named "Weak.Clone" and
// so on, since Arc and Weak share the package.
const (
	OpNew Op = iota
	OpClone
	OpMove
	OpDrop
	OpGet
	OpGetMut
	OpMakeMut
	OpTryUnwrap
	OpIntoInner
	OpStrongCount
	OpWeakCount
	OpDowngrade
	OpNewCyclic
	OpUpgrade
	OpWeakClone
	OpWeakMove
	OpWeakDrop
	OpWeakStrongCount
	OpWeakWeakCount
)

// adds says which count an operation increments, for overflow messages.
type adds uint8

const (
	addsNothing adds = iota
	addsStrong
	addsWeak
)

var opNames = [...]struct {
	name      string
	viaStrong bool // goes through an Arc, which may only exist while the value is alive (I2)
	adds      adds
}{
	OpNew:             {"New", true, addsNothing},
	OpClone:           {"Clone", true, addsStrong},
	OpMove:            {"Move", true, addsNothing},
	OpDrop:            {"Drop", true, addsNothing},
	OpGet:             {"Get", true, addsNothing},
	OpGetMut:          {"GetMut", true, addsNothing},
	OpMakeMut:         {"MakeMut", true, addsNothing},
	OpTryUnwrap:       {"TryUnwrap", true, addsNothing},
	OpIntoInner:       {"IntoInner", true, addsNothing},
	OpStrongCount:     {"StrongCount", true, addsNothing},
	OpWeakCount:       {"WeakCount", true, addsNothing},
	OpDowngrade:       {"Downgrade", true, addsWeak},
	OpNewCyclic:       {"NewCyclic", false, addsNothing},
	OpUpgrade:         {"Upgrade", false, addsStrong},
	OpWeakClone:       {"Weak.Clone", false, addsWeak},
	OpWeakMove:        {"Weak.Move", false, addsNothing},
	OpWeakDrop:        {"Weak.Drop", false, addsNothing},
	OpWeakStrongCount: {"Weak.StrongCount", false, addsNothing},
	OpWeakWeakCount:   {"Weak.WeakCount", false, addsNothing},
}

// String returns the operation's name as the API spells it, e.g. "Clone"
// or "Weak.Drop".
func (o Op) String() string { return opNames[o].name }

// Error is the panic value of every misuse and every broken invariant in
// package arc. It has the same shape as rcbook's *invariants.Error, with
// the package named "arc":
//
//	arc: Drop: handle already dropped
//	arc: Upgrade: use after free (I5)
//	arc: Clone: strong count overflow (I1)
//
// It records what the refused operation found; the message and the rule at
// stake are worked out from those facts when asked, so that the fast paths
// can build an Error without a call. The counts are read one at a time, not
// as one snapshot: under concurrency only the count the operation acted on
// is exact. Recover it with errors.As.
type Error struct {
	Op     Op               // the operation that was refused
	Empty  bool             // the handle itself was empty; Spent says why
	Spent  invariants.Spent // why the handle was empty, when Empty
	Strong int64            // the strong count the operation found, before its own change
	Weak   int64            // the raw weak count (implicit weak included) the operation found
	State  invariants.State // the allocation's state the operation found
	Detail string           // a misuse the header cannot show, e.g. "nil clone function"
}

// Error returns the message: "arc: Op: problem", with " (In)" when a rule
// is at stake.
func (e *Error) Error() string {
	rule, problem := e.diagnose()
	msg := "arc: " + e.Op.String() + ": " + problem
	if rule != "" {
		msg += " (" + string(rule) + ")"
	}
	return msg
}

// Rule returns the invariant at stake, or "" for a plain misuse such as
// dropping a handle twice.
func (e *Error) Rule() invariants.ID {
	rule, _ := e.diagnose()
	return rule
}

func (e *Error) diagnose() (invariants.ID, string) {
	op := opNames[e.Op]
	switch {
	case e.Detail != "":
		return "", e.Detail
	case e.Empty:
		return "", e.Spent.Problem()
	case e.State == invariants.Freed:
		return invariants.I5, "use after free"
	case op.adds == addsStrong && e.Strong == maxCount:
		return invariants.I1, "strong count overflow"
	case op.adds == addsWeak && e.Weak == maxCount:
		return invariants.I1, "weak count overflow"
	case op.viaStrong && e.State == invariants.Dropping:
		return invariants.I2, "value is being dropped: a destructor reached its own allocation through a stale strong handle"
	case op.viaStrong && (e.State != invariants.Alive || e.Strong <= 0):
		return invariants.I2, "value already dropped: this strong handle outlived its value (was it copied without Clone?)"
	case e.Op == OpWeakDrop && e.State != invariants.Dead && e.Weak <= 1:
		return invariants.I4, "no Weak left to drop: the last weak unit is the implicit weak, owned by the strong handles (was this Weak copied without Clone?)"
	case e.Strong < 0 || e.Weak < 0:
		return invariants.I1, "count underflow: " + e.describe()
	case e.Weak == 0:
		return invariants.I5, "use after free"
	}
	return "", "refused on " + e.describe()
}

func (e *Error) describe() string {
	return fmt.Sprintf("strong=%d weak=%d state=%s", e.Strong, e.Weak, e.State)
}

// refuseEmpty panics because op was called on an empty handle.
func refuseEmpty(op Op, why invariants.Spent) {
	panic(&Error{Op: op, Empty: true, Spent: why})
}

// misuse panics because of a mistake the header cannot show.
func misuse(op Op, detail string) {
	panic(&Error{Op: op, Detail: detail})
}
