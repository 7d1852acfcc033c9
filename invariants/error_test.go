package invariants_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/invariants"
)

type H = invariants.Header

// errorCase is one *Error value and the message and rule it must report.
type errorCase struct {
	name string
	err  *invariants.Error
	want string
	rule invariants.ID
}

const (
	deadMsg     = "value already dropped: this strong handle outlived its value (was it copied without Clone?) (I2)"
	droppingMsg = "value is being dropped: a destructor reached its own allocation through a stale strong handle (I2)"
)

var errorCases = []errorCase{
	// An empty handle is a plain misuse: no rule is at stake.
	{"empty/Never", &invariants.Error{Op: invariants.RcGet, Empty: true, Spent: invariants.Never},
		"rc: Get: empty handle (the zero value owns nothing)", ""},
	{"empty/Dropped", &invariants.Error{Op: invariants.RcDrop, Empty: true, Spent: invariants.Dropped},
		"rc: Drop: handle already dropped", ""},
	{"empty/Moved", &invariants.Error{Op: invariants.WeakUpgrade, Empty: true, Spent: invariants.Moved},
		"rc: Weak.Upgrade: handle was moved out (use the handle Move returned)", ""},
	{"empty/Unwrapped", &invariants.Error{Op: invariants.RcClone, Empty: true, Spent: invariants.Unwrapped},
		"rc: Clone: handle was consumed by TryUnwrap, IntoInner or UnwrapOrClone", ""},

	{"freed", &invariants.Error{Op: invariants.RcGet, Header: H{State: invariants.Freed}},
		"rc: Get: use after free (I5)", invariants.I5},
	{"freed via weak", &invariants.Error{Op: invariants.WeakUpgrade, Header: H{State: invariants.Freed}},
		"rc: Weak.Upgrade: use after free (I5)", invariants.I5},
	{"reused header", &invariants.Error{Op: invariants.RcClone, Header: H{Strong: 1, Weak: 1, State: invariants.Alive, Gen: 3}, Gen: 2},
		"rc: Clone: use after free: the allocation was freed and its pool reused the header (handle generation 2, header generation 3) (I5)", invariants.I5},
	{"reused header, now dead", &invariants.Error{Op: invariants.WeakUpgrade, Header: H{Weak: 1, State: invariants.Dead, Gen: 4}, Gen: 1},
		"rc: Weak.Upgrade: use after free: the allocation was freed and its pool reused the header (handle generation 1, header generation 4) (I5)", invariants.I5},
	{"dead via rc", &invariants.Error{Op: invariants.RcGet, Header: H{Weak: 1, State: invariants.Dead}},
		"rc: Get: " + deadMsg, invariants.I2},
	{"dead via Downgrade", &invariants.Error{Op: invariants.RcDowngrade, Header: H{Weak: 1, State: invariants.Dead}},
		"rc: Downgrade: " + deadMsg, invariants.I2},
	{"dropping via rc", &invariants.Error{Op: invariants.RcClone, Header: H{Weak: 1, State: invariants.Dropping}},
		"rc: Clone: " + droppingMsg, invariants.I2},

	{"strong overflow", &invariants.Error{Op: invariants.RcClone, Header: H{Strong: maxCount, Weak: 1, State: invariants.Alive}},
		"rc: Clone: strong count overflow (I1)", invariants.I1},
	{"strong overflow via Upgrade", &invariants.Error{Op: invariants.WeakUpgrade, Header: H{Strong: maxCount, Weak: 1, State: invariants.Alive}},
		"rc: Weak.Upgrade: strong count overflow (I1)", invariants.I1},
	{"weak overflow", &invariants.Error{Op: invariants.WeakClone, Header: H{Strong: 1, Weak: maxCount, State: invariants.Alive}},
		"rc: Weak.Clone: weak count overflow (I1)", invariants.I1},
	{"weak overflow via Downgrade", &invariants.Error{Op: invariants.RcDowngrade, Header: H{Strong: 1, Weak: maxCount, State: invariants.Alive}},
		"rc: Downgrade: weak count overflow (I1)", invariants.I1},

	// An inconsistent header refused before the operation names the first broken rule.
	{"inconsistent before", &invariants.Error{Op: invariants.WeakDrop, Header: H{State: invariants.Dead}},
		"rc: Weak.Drop: allocation live with no owner left: strong=0 weak=0 state=dead (I3)", invariants.I3},

	// A Detail is a misuse the header cannot show; it wins over everything else.
	{"detail", &invariants.Error{Op: invariants.RcMakeMut, Detail: "nil clone function"},
		"rc: MakeMut: nil clone function", ""},
	{"detail beats header", &invariants.Error{Op: invariants.RcMakeMut, Detail: "nil clone function", Header: H{State: invariants.Freed}},
		"rc: MakeMut: nil clone function", ""},
}

func TestErrorMessages(t *testing.T) {
	for _, c := range errorCases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equalf(t, c.want, c.err.Error(), "%+v should print this exact message", *c.err)
			assert.Equalf(t, c.rule, c.err.Rule(),
				"%+v should name rule %q (\"\" means a plain misuse, no invariant at stake)", *c.err, c.rule)
		})
	}
}

// TestErrorWeakOpOnDeadIsNotACause: a Weak may meet a dead value, so a weak
// operation refused on a consistent dead header falls back to "refused on".
func TestErrorWeakOpOnDeadIsNotACause(t *testing.T) {
	e := &invariants.Error{Op: invariants.WeakUpgrade, Header: H{Weak: 1, State: invariants.Dead}}
	assert.Contains(t, e.Error(), "refused",
		"a weak op on a dead value breaks no rule by itself; the message should be the \"refused on ...\" fallback")
	assert.True(t, strings.HasPrefix(e.Error(), "rc: Weak.Upgrade: "),
		"the message should still start with \"rc: Weak.Upgrade: \", got %q", e.Error())
	assert.Equal(t, invariants.ID(""), e.Rule(),
		"a weak op on a consistent dead header should not name any rule")
}

// TestErrorAfterOperation: After=true means the header broke a rule during
// the operation; the message says so and names that rule.
func TestErrorAfterOperation(t *testing.T) {
	cases := []errorCase{
		{"alive without implicit weak", &invariants.Error{Op: invariants.RcDrop, After: true, Header: H{Strong: 1, State: invariants.Alive}},
			"rc: Drop: implicit weak missing while strong > 0: strong=1 weak=0 state=alive after the operation (I4)", invariants.I4},
		{"freed with weak left", &invariants.Error{Op: invariants.WeakDrop, After: true, Header: H{Weak: 1, State: invariants.Freed}},
			"rc: Weak.Drop: freed while counts remain: strong=0 weak=1 state=freed after the operation (I5)", invariants.I5},
		{"negative strong", &invariants.Error{Op: invariants.RcDrop, After: true, Header: H{Strong: -1, Weak: 1, State: invariants.Alive}},
			"rc: Drop: count underflow: strong=-1 weak=1 state=alive after the operation (I1)", invariants.I1},
		{"dead with strong", &invariants.Error{Op: invariants.RcTryUnwrap, After: true, Header: H{Strong: 1, Weak: 1, State: invariants.Dead}},
			"rc: TryUnwrap: value liveness does not match the strong count: strong=1 weak=1 state=dead after the operation (I2)", invariants.I2},
		{"zero state", &invariants.Error{Op: invariants.RcNew, After: true, Header: H{Weak: 1}},
			"rc: New: invalid header state: strong=0 weak=1 state=invalid after the operation (I1)", invariants.I1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			msg := c.err.Error()
			assert.Truef(t, strings.HasSuffix(msg, "after the operation ("+string(c.rule)+")"),
				"an After error should end with \"after the operation (%s)\", got %q", c.rule, msg)
			assert.Equalf(t, c.want, msg, "%+v should print this exact message", *c.err)
			assert.Equalf(t, c.rule, c.err.Rule(), "%+v should name rule %s", *c.err, c.rule)
		})
	}
}

// TestPanickingHelpers: Verify, Refuse, RefuseEmpty and Misuse panic with an
// *Error whose message matches the facts they were given.
func TestPanickingHelpers(t *testing.T) {
	ok := H{Strong: 1, Weak: 1, State: invariants.Alive}
	assert.NotPanics(t, func() { invariants.Verify(invariants.RcClone, &ok) },
		"Verify must not panic on a consistent header")

	broken := H{Strong: 1, State: invariants.Alive}
	require.PanicsWithError(t,
		"rc: Drop: implicit weak missing while strong > 0: strong=1 weak=0 state=alive after the operation (I4)",
		func() { invariants.Verify(invariants.RcDrop, &broken) },
		"Verify must panic with an After error when the header is inconsistent")
	require.PanicsWithError(t, "rc: Get: use after free (I5)",
		func() { invariants.Refuse(invariants.RcGet, &H{State: invariants.Freed}) },
		"Refuse must panic with an error diagnosed from the header snapshot")
	require.PanicsWithError(t, "rc: Get: use after free: the allocation was freed and its pool reused the header (handle generation 1, header generation 2) (I5)",
		func() {
			invariants.RefuseHandle(invariants.RcGet, &H{Strong: 1, Weak: 1, State: invariants.Alive, Gen: 2}, 1)
		},
		"RefuseHandle must report a handle from an earlier generation as a reuse")
	require.PanicsWithError(t, "rc: Get: use after free (I5)",
		func() { invariants.RefuseHandle(invariants.RcGet, &H{State: invariants.Freed, Gen: 2}, 2) },
		"RefuseHandle with the header's own generation diagnoses from the snapshot, as Refuse does")
	require.PanicsWithError(t, "rc: Clone: strong count overflow (I1)",
		func() {
			invariants.Refuse(invariants.RcClone, &H{Strong: maxCount, Weak: 1, State: invariants.Alive, Gen: 5})
		},
		"Refuse records the header's own generation, so a pooled header is never taken for a reused one")
	require.PanicsWithError(t, "rc: Drop: handle already dropped",
		func() { invariants.RefuseEmpty(invariants.RcDrop, invariants.Dropped) },
		"RefuseEmpty must panic with the empty-handle message for its Spent reason")
	require.PanicsWithError(t, "rc: MakeMut: nil clone function",
		func() { invariants.Misuse(invariants.RcMakeMut, "nil clone function") },
		"Misuse must panic with its detail as the problem")
}

// recovered runs f and returns what it panicked with.
func recovered(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}

// TestPanicValueIsRecoverableWithErrorsAs: callers recover the panic value
// and use errors.As to get the *Error with its facts, even when wrapped.
func TestPanicValueIsRecoverableWithErrorsAs(t *testing.T) {
	h := H{Strong: 1, Weak: 0, State: invariants.Alive}
	v := recovered(func() { invariants.Verify(invariants.WeakDrop, &h) })
	err, isErr := v.(error)
	require.Truef(t, isErr, "the panic value should be an error, got %T", v)

	for _, candidate := range []error{err, fmt.Errorf("wrapped: %w", err)} {
		var e *invariants.Error
		require.Truef(t, errors.As(candidate, &e),
			"errors.As(%v) should find an *invariants.Error", candidate)
		assert.Equal(t, invariants.WeakDrop, e.Op, "the *Error should record the operation")
		assert.Equal(t, h, e.Header, "the *Error should hold a snapshot of the header")
		assert.True(t, e.After, "Verify reports a rule broken during the operation")
		assert.Equal(t, invariants.I4, e.Rule(), "alive with weak 0 breaks the implicit weak (I4)")
	}
}

// A misuse the header cannot show may still break a rule: package cell's
// refusals carry the borrow rule they enforce.
func TestADetailCarriesTheRuleItBreaks(t *testing.T) {
	err := &invariants.Error{Op: invariants.CellBorrowMut, Detail: "already borrowed: 2 shared borrows are live", Broke: invariants.B1}
	assert.Equal(t, "cell: BorrowMut: already borrowed: 2 shared borrows are live (B1)", err.Error())
	assert.Equal(t, invariants.B1, err.Rule())
}
