package invariants

// ID names one of the rules: the seven invariants of an allocation, "I1"
// to "I7", or the two borrow rules of package cell, "B1" and "B2".
type ID string

// The invariant IDs. Code comments cite them where a rule is maintained or
// checked, so `grep -rn I4` lands on the implicit-weak accounting.
const (
	I1 ID = "I1" // header validity: counts never underflow or overflow
	I2 ID = "I2" // value liveness: the value is alive exactly while strong > 0
	I3 ID = "I3" // allocation liveness: live exactly while strong + weak > 0
	I4 ID = "I4" // implicit weak: one weak unit is owned by all strong handles together
	I5 ID = "I5" // deallocation: freed exactly when both counts are 0, never touched after
	I6 ID = "I6" // alias soundness: GetMut only when strong == 1 and no Weak exists
	I7 ID = "I7" // upgrade correctness: Upgrade never resurrects a dropped value

	B1 ID = "B1" // shared xor mutable: one RefMut, or any number of Refs, never both
	B2 ID = "B2" // borrow accounting: every guard is released exactly once and unused after
)

// Rule is one invariant: its ID, a short name, the rule in one sentence, and
// the operations whose code maintains or checks it.
type Rule struct {
	ID        ID
	Name      string
	Statement string
	Ops       []Op
}

// Rules lists I1–I7 in order. Treat it as read-only.
var Rules = []Rule{
	{I1, "header validity",
		"strong and weak are always valid counts: no operation makes either underflow or overflow, and every increment is checked.",
		[]Op{RcClone, RcDrop, RcDowngrade, WeakUpgrade, WeakClone, WeakDrop}},
	{I2, "value liveness",
		"the value is initialized exactly while strong > 0, and it is dropped exactly once, when strong reaches 0.",
		[]Op{RcDrop, RcTryUnwrap, RcIntoInner, RcMakeMut, RcNewCyclic}},
	{I3, "allocation liveness",
		"the allocation is live exactly while strong + weak > 0.",
		[]Op{RcDrop, WeakDrop, RcNewCyclic}},
	{I4, "implicit weak",
		"while strong > 0, weak includes one extra unit owned jointly by all strong handles; when strong reaches 0 exactly that unit is released, and WeakCount never shows it.",
		[]Op{RcNew, RcDrop, RcTryUnwrap, RcMakeMut, RcWeakCount, RcNewCyclic, WeakWeakCount}},
	{I5, "deallocation",
		"the allocation is freed exactly when strong == 0 and weak == 0, and is never touched afterwards.",
		[]Op{RcDrop, WeakDrop, RcTryUnwrap, RcNewCyclic}},
	{I6, "alias soundness",
		"GetMut hands out a mutable view only when strong == 1 and no Weak exists; TryUnwrap and IntoInner need only strong == 1.",
		[]Op{RcGetMut, RcMakeMut, RcTryUnwrap, RcIntoInner}},
	{I7, "upgrade correctness",
		"Upgrade succeeds exactly when it can increment a strong count that is > 0; otherwise it fails without touching freed memory and without resurrecting the value.",
		[]Op{WeakUpgrade, RcNewCyclic}},
}

// BorrowRules lists B1 and B2, the rules package cell's RefCell keeps at
// run time. Treat it as read-only.
var BorrowRules = []Rule{
	{B1, "shared xor mutable",
		"a RefCell's value is borrowed either by any number of shared borrows (Ref) or by exactly one mutable borrow (RefMut), never both: a borrow that would break this is refused.",
		[]Op{CellBorrow, CellBorrowMut, CellReplace}},
	{B2, "borrow accounting",
		"the borrow flag counts exactly the live guards: every guard is released exactly once, and a released guard is never used again.",
		[]Op{RefGet, RefRelease, RefMutGet, RefMutRelease, CellDrop}},
}

// Lookup returns the rule with the given ID, an invariant or a borrow
// rule.
func Lookup(id ID) (Rule, bool) {
	for _, r := range append(Rules[:len(Rules):len(Rules)], BorrowRules...) {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}
