package invariants_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/invariants"
)

// TestRulesListI1ToI7InOrder checks that Rules is exactly the seven
// invariants, in order, and that each one is fully described.
func TestRulesListI1ToI7InOrder(t *testing.T) {
	require.Len(t, invariants.Rules, 7,
		"Rules must list exactly the seven invariants I1..I7")

	for i, r := range invariants.Rules {
		want := invariants.ID(fmt.Sprintf("I%d", i+1))
		assert.Equalf(t, want, r.ID,
			"Rules[%d] must be %s: the rules are listed in order I1..I7", i, want)
		assert.NotEmptyf(t, r.Name,
			"rule %s needs a short Name so the book and demo can print it", r.ID)
		assert.NotEmptyf(t, r.Statement,
			"rule %s needs a Statement: the rule in one sentence", r.ID)
		assert.NotEmptyf(t, r.Ops,
			"rule %s must name at least one Op that maintains or checks it", r.ID)
	}
}

// TestRulesConstantsMatchTheirText checks that the exported ID constants
// spell their own names, so code citing invariants.I4 prints "I4".
func TestRulesConstantsMatchTheirText(t *testing.T) {
	ids := []invariants.ID{
		invariants.I1, invariants.I2, invariants.I3, invariants.I4,
		invariants.I5, invariants.I6, invariants.I7,
	}
	for i, id := range ids {
		assert.Equalf(t, fmt.Sprintf("I%d", i+1), string(id),
			"constant number %d must be the string \"I%d\"", i+1, i+1)
		assert.Equalf(t, id, invariants.Rules[i].ID,
			"Rules[%d].ID must be the constant %s", i, id)
	}
}

// TestLookupFindsEveryRule checks that Lookup returns each listed rule by ID.
func TestLookupFindsEveryRule(t *testing.T) {
	for _, want := range invariants.Rules {
		got, ok := invariants.Lookup(want.ID)
		if assert.Truef(t, ok, "Lookup(%q) must find the rule listed in Rules", want.ID) {
			assert.Equalf(t, want, got,
				"Lookup(%q) must return the same Rule that Rules lists", want.ID)
		}
	}
}

// TestLookupRejectsUnknownIDs checks that only I1..I7 exist.
func TestLookupRejectsUnknownIDs(t *testing.T) {
	for _, id := range []invariants.ID{"I8", "I0", "", "i1"} {
		got, ok := invariants.Lookup(id)
		assert.Falsef(t, ok, "Lookup(%q) must report false: there are only rules I1..I7", id)
		assert.Equalf(t, invariants.Rule{}, got,
			"Lookup(%q) must return the zero Rule when nothing matches", id)
	}
}

// TestOpsNamePackageAndString checks every Op from RcNew through the last:
// it belongs to package rc or arc, has a name, and prints as "pkg.Name".
func TestOpsNamePackageAndString(t *testing.T) {
	seen := map[string]invariants.Op{}
	for op := invariants.RcNew; op <= invariants.ArcDecrementStrongCount; op++ {
		pkg, name := op.Package(), op.Name()
		assert.Containsf(t, []string{"rc", "arc", "cell"}, pkg,
			"Op(%d).Package() must be \"rc\", \"arc\" or \"cell\"", uint8(op))
		assert.NotEmptyf(t, name,
			"Op(%d).Name() must be the operation's name as the API spells it", uint8(op))
		assert.Equalf(t, pkg+"."+name, op.String(),
			"Op(%d).String() must be Package()+\".\"+Name()", uint8(op))

		if prev, dup := seen[op.String()]; dup {
			t.Errorf("Op(%d) and Op(%d) both print as %q; each operation needs its own name",
				uint8(prev), uint8(op), op.String())
		}
		seen[op.String()] = op
	}
}

// TestOpStringExamples pins a few names that error messages rely on.
func TestOpStringExamples(t *testing.T) {
	cases := map[invariants.Op]string{
		invariants.RcNew:         "rc.New",
		invariants.RcClone:       "rc.Clone",
		invariants.RcMakeMut:     "rc.MakeMut",
		invariants.RcDowngrade:   "rc.Downgrade",
		invariants.WeakUpgrade:   "rc.Weak.Upgrade",
		invariants.WeakWeakCount: "rc.Weak.WeakCount",
		invariants.PoolNew:       "rc.Pool.New",
	}
	for op, want := range cases {
		assert.Equalf(t, want, op.String(), "Op(%d) must print as %q", uint8(op), want)
	}
}

// TestRuleOpsAreKnownOps checks that every Op cited by a rule is one of the
// defined operations, RcNew through the last.
func TestRuleOpsAreKnownOps(t *testing.T) {
	for _, r := range invariants.Rules {
		for _, op := range r.Ops {
			assert.LessOrEqualf(t, op, invariants.ArcDecrementStrongCount,
				"rule %s cites Op(%d), which is not a defined operation", r.ID, uint8(op))
		}
	}
}

// TestBorrowRulesAreListedAndFoundByLookup checks package cell's rules:
// described like the invariants, and found by Lookup beside them.
func TestBorrowRulesAreListedAndFoundByLookup(t *testing.T) {
	require.Len(t, invariants.BorrowRules, 2, "the borrow rules are B1 and B2")
	for i, r := range invariants.BorrowRules {
		assert.Equal(t, invariants.ID(fmt.Sprintf("B%d", i+1)), r.ID, "the borrow rules are listed in order")
		assert.NotEmpty(t, r.Statement, "rule %s states itself in one sentence", r.ID)
		got, ok := invariants.Lookup(r.ID)
		assert.True(t, ok, "Lookup finds %s", r.ID)
		assert.Equal(t, r.Name, got.Name)
	}
}
