package arc_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/arc"
	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rctest"
)

// A refused operation panics with an *invariants.Error whose Header is
// what the operation found: the counts before its own update, which it has
// undone. A program that recovers the error (errors.As) reads the facts
// there, not only in the message, so the fields must be exact.

// refusalOf runs f, which must panic with an *invariants.Error, and returns it.
func refusalOf(t *testing.T, f func(), why string) *invariants.Error {
	t.Helper()
	err := catchError(f)
	var ie *invariants.Error
	require.True(t, errors.As(err, &ie), "%s: the panic must be an *invariants.Error, got %v", why, err)
	return ie
}

func TestAStaleStrongCopysRefusalsReportTheCountsItFound(t *testing.T) {
	a := arc.New(1)
	w := arc.Downgrade(&a) // keeps the allocation: the value dies, the header stays
	defer w.Drop()
	stale := rctest.UncountedCopy(&a)
	a.Drop()
	dead := invariants.Header{Strong: 0, Weak: 1, State: invariants.Dead}

	for _, c := range []struct {
		op invariants.Op
		f  func()
	}{
		{invariants.ArcDrop, stale.Drop},
		{invariants.ArcClone, func() { _ = stale.Clone() }},
	} {
		err := refusalOf(t, c.f, c.op.Name())
		require.Equal(t, c.op, err.Op, "the error names the refused operation")
		require.Equal(t, invariants.I2, err.Rule(), "a strong handle to a dropped value breaks I2")
		require.Equal(t, dead.Strong, err.Header.Strong,
			"%s: the error reports strong as it was, 0, not the count its own undone update made", c.op.Name())
		if c.op == invariants.ArcDrop {
			require.Equal(t, dead, err.Header, "Drop reports the whole header it found")
		}
	}
	require.Equal(t, 0, w.StrongCount(), "the refused operations left strong at 0")
}

func TestAStaleCopysIntoInnerReportsTheCountsItFound(t *testing.T) {
	rctest.RequireChecks(t) // with the checks off, IntoInner trusts the handle
	a := arc.New(1)
	w := arc.Downgrade(&a)
	defer w.Drop()
	stale := rctest.UncountedCopy(&a)
	a.Drop()
	err := refusalOf(t, func() { stale.IntoInner() }, "IntoInner")
	require.Equal(t, invariants.ArcIntoInner, err.Op, "the error names IntoInner")
	require.Equal(t, invariants.Header{Strong: 0, Weak: 1, State: invariants.Dead}, err.Header,
		"the error reports the header IntoInner found: strong 0, the Weak's unit, the value dead")
}

func TestAStaleWeakCopysDropReportsTheCountsItFound(t *testing.T) {
	rctest.RequireChecks(t) // without the checks only a weak count below 0 is refused
	a := arc.New(1)
	defer a.Drop()
	w := arc.Downgrade(&a)
	stale := rctest.UncountedCopy(&w)
	w.Drop()
	err := refusalOf(t, stale.Drop, "Weak.Drop")
	require.Equal(t, invariants.ArcWeakDrop, err.Op, "the error names Weak.Drop")
	require.Equal(t, invariants.I4, err.Rule(), "the unit it would take is the implicit weak (I4)")
	require.Equal(t, invariants.Header{Strong: 1, Weak: 1, State: invariants.Alive}, err.Header,
		"the error reports the header the Drop found, its own decrement undone: one strong handle, the implicit weak")
}

func TestAStaleStrongCopyCannotDowngrade(t *testing.T) {
	rctest.RequireChecks(t) // without the checks Downgrade trusts the handle
	a := arc.New(1)
	w := arc.Downgrade(&a) // keeps the allocation: the value dies, the header stays
	defer w.Drop()
	stale := rctest.UncountedCopy(&a)
	a.Drop()
	err := refusalOf(t, func() { x := arc.Downgrade(stale); x.Drop() }, "Downgrade")
	require.Equal(t, invariants.ArcDowngrade, err.Op, "the error names Downgrade")
	require.Equal(t, invariants.I2, err.Rule(), "a strong handle to a dropped value breaks I2")
	require.Equal(t, 0, w.WeakCount(), "the refused Downgrade made no Weak")
}

func TestAStaleWeakCopyCannotCloneAFreedAllocation(t *testing.T) {
	a := arc.New(1)
	w := arc.Downgrade(&a)
	stale := rctest.UncountedCopy(&w)
	a.Drop()
	w.Drop() // the last Weak: the allocation is freed
	err := refusalOf(t, func() { c := stale.Clone(); c.Drop() }, "Weak.Clone")
	require.Equal(t, invariants.ArcWeakClone, err.Op, "the error names Weak.Clone")
	require.Equal(t, invariants.I5, err.Rule(), "a weak count of 0 means the allocation is freed: cloning would revive it (I5)")
	require.Equal(t, 0, err.Header.Weak, "the error reports the weak count the Clone found, its own Add undone")
}
