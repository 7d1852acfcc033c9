package arc

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/invariants"
)

// Each count's last decrement and the state store that follows it are two
// atomic steps, and another goroutine holding a stale (uncounted) handle
// can look at the header between them. These tests freeze the header in
// such a window and check that the checks read the count, not only the
// state: a stale handle must be refused there too.

// requireChecks skips a test of the checks in builds that compile them
// out (-tags rcrelease).
func requireChecks(t *testing.T) {
	if !invariants.Enabled {
		t.Skip("the checks are compiled out (-tags rcrelease)")
	}
}

// TestAStrongHandleIsRefusedOnceStrongIsZeroEvenBeforeTheStateSaysSo
// freezes the last strong drop after its Add took strong to 0 and before
// dropValue stored Dropping: the state still says Alive, but the value
// belongs to the dropping goroutine alone (I2).
func TestAStrongHandleIsRefusedOnceStrongIsZeroEvenBeforeTheStateSaysSo(t *testing.T) {
	requireChecks(t)
	a := New(1)
	defer a.Drop()
	defer setCounts(a.box, 0, 1)()
	require.Equal(t, invariants.Alive, a.box.loadState(), "the window: strong 0, state not yet updated")
	require.PanicsWithError(t,
		"arc: Get: value already dropped: this strong handle outlived its value (was it copied without Clone?) (I2)",
		func() { a.Get() },
		"strong 0 means the value is the dropping goroutine's alone, whatever the state says (I2)")
	requireRaw(t, a.box, 0, 1, "a refused Get changes no count")
}

// TestAWeakIsRefusedOnceWeakIsZeroEvenBeforeTheStateSaysSo freezes the
// last weak drop after its Add took weak to 0 and before free stored
// Freed: the allocation is being freed, and a stale Weak must not touch it
// (I5).
func TestAWeakIsRefusedOnceWeakIsZeroEvenBeforeTheStateSaysSo(t *testing.T) {
	requireChecks(t)
	a := New(1)
	w := Downgrade(&a)
	a.Drop()
	defer w.Drop()
	defer setCounts(w.box, 0, 0)()
	require.Equal(t, invariants.Dead, w.box.loadState(), "the window: weak 0, state not yet Freed")
	require.PanicsWithError(t, "arc: Weak.Upgrade: use after free (I5)",
		func() { up, _ := w.Upgrade(); up.Drop() },
		"weak 0 means the allocation is being freed: no Weak may use it (I5)")
	require.PanicsWithError(t, "arc: Weak.StrongCount: use after free (I5)",
		func() { w.StrongCount() },
		"every Weak operation is refused in the window, not only Upgrade (I5)")
	requireRaw(t, w.box, 0, 0, "a refused Weak operation changes no count")
}

// TestDowngradeIsRefusedWhileTheImplicitWeakIsOut freezes a stale Weak's
// refused Drop between its decrement, which took the implicit weak (weak
// 0 beside a live value), and the increment that puts it back. Downgrade
// must not build a Weak on that count.
func TestDowngradeIsRefusedWhileTheImplicitWeakIsOut(t *testing.T) {
	requireChecks(t)
	a := New(1)
	defer a.Drop()
	restore := setCounts(a.box, 1, 0)
	require.Panics(t, func() { w := Downgrade(&a); w.Drop() },
		"weak 0 under a live value: the implicit weak is missing (I4), and no Weak may be counted on top")
	requireRaw(t, a.box, 1, 0, "a refused Downgrade changes no count")
	restore()
}

// TestUpgradeSlowAddsExactlyOneStrongUnit calls Upgrade's slow path on a
// live value, as happens when the fast path's compare-and-swap lost to a
// concurrent update (and always with -tags rctrace).
func TestUpgradeSlowAddsExactlyOneStrongUnit(t *testing.T) {
	a := New(1)
	defer a.Drop()
	w := Downgrade(&a)
	defer w.Drop()
	up, ok := w.upgradeSlow()
	require.True(t, ok, "the value is alive: the slow path upgrades too")
	requireRaw(t, a.box, 2, 2, "one more strong unit, exactly; the weak count untouched")
	up.Drop()
}

func TestWeakCloneJustBelowMaxWeakSucceeds(t *testing.T) {
	a := New(1)
	defer a.Drop()
	w := Downgrade(&a)
	defer w.Drop()
	restore := setCounts(a.box, 1, maxCount-1)
	c := w.Clone()
	requireRaw(t, a.box, 1, maxCount, "MaxCount itself is a valid weak count: the Weak that reaches it is made")
	restore()
	a.box.weak.Add(1) // c is a real Weak: count it in the restored counts
	c.Drop()
}
