package arc

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/invariants"
)

// Overflow cannot be reached by making 2^63 handles, so these tests store
// counts at the edge of their range and put the true counts back before
// the handles are dropped. The guard holds with -tags rcrelease too (I1).
// Clone and Weak.Clone add first and test the result, so these also check
// that the refused Add was undone.

// setCounts stores both raw counts and returns a function that restores
// the true ones.
func setCounts[T any](b *box[T], strong, weak int64) (restore func()) {
	trueStrong, trueWeak := b.strong.Load(), b.weak.Load()
	b.strong.Store(strong)
	b.weak.Store(weak)
	return func() { b.strong.Store(trueStrong); b.weak.Store(trueWeak) }
}

func requireRaw[T any](t *testing.T, b *box[T], strong, weak int64, why string) {
	t.Helper()
	require.Equal(t, [2]int64{strong, weak}, [2]int64{b.strong.Load(), b.weak.Load()}, why)
}

func TestCloneAtMaxStrongPanicsAndUndoesItsAdd(t *testing.T) {
	a := New(1)
	defer a.Drop()
	defer setCounts(a.box, maxCount, 1)()
	require.PanicsWithError(t, "arc: Clone: strong count overflow (I1)", func() { _ = a.Clone() },
		"an increment past MaxCount would wrap, and a wrapped count frees a value still in use")
	requireRaw(t, a.box, maxCount, 1, "the refused Clone's Add must be undone")
	assert.Equal(t, invariants.Alive, a.box.loadState(), "the refused Clone must not change the state")
}

func TestCloneJustBelowMaxStrongSucceeds(t *testing.T) {
	a := New(1)
	restore := setCounts(a.box, maxCount-1, 1)
	c := a.Clone()
	requireRaw(t, a.box, maxCount, 1, "MaxCount itself is a valid count")
	restore()
	a.box.strong.Add(1) // c is a real handle: count it in the restored counts
	c.Drop()
	a.Drop()
}

func TestUpgradeAtMaxStrongPanicsAndChangesNoCount(t *testing.T) {
	a := New(1)
	defer a.Drop()
	w := Downgrade(&a)
	defer w.Drop()
	defer setCounts(a.box, maxCount, 2)()
	require.PanicsWithError(t, "arc: Weak.Upgrade: strong count overflow (I1)",
		func() { up, _ := w.Upgrade(); up.Drop() },
		"Upgrade adds a strong handle: its increment is checked like Clone's (I1)")
	requireRaw(t, a.box, maxCount, 2, "the refused Upgrade must not change a count")
}

func TestDowngradeAtMaxWeakPanicsAndChangesNoCount(t *testing.T) {
	a := New(1)
	defer a.Drop()
	w := Downgrade(&a)
	defer w.Drop()
	defer setCounts(a.box, 1, maxCount)()
	require.PanicsWithError(t, "arc: Downgrade: weak count overflow (I1)",
		func() { x := Downgrade(&a); x.Drop() },
		"a wrapped weak count would free a live allocation")
	requireRaw(t, a.box, 1, maxCount, "the refused Downgrade must not change a count")
}

func TestWeakCloneAtMaxWeakPanicsAndUndoesItsAdd(t *testing.T) {
	a := New(1)
	defer a.Drop()
	w := Downgrade(&a)
	defer w.Drop()
	defer setCounts(a.box, 1, maxCount)()
	require.PanicsWithError(t, "arc: Weak.Clone: weak count overflow (I1)",
		func() { x := w.Clone(); x.Drop() },
		"Weak.Clone checks its increment like every other (I1)")
	requireRaw(t, a.box, 1, maxCount, "the refused Weak.Clone's Add must be undone")
}

func TestNewHoldsTheImplicitWeakButWeakCountHidesIt(t *testing.T) {
	before := LiveAllocations()
	a := New(1)
	b := a.box
	requireRaw(t, b, 1, 1, "raw weak starts at 1: the implicit weak owned by all strong handles together (I4)")
	assert.Equal(t, 0, a.WeakCount(), "WeakCount never shows the implicit weak (I4)")
	w := Downgrade(&a)
	requireRaw(t, b, 1, 2, "raw weak = one Weak + the implicit weak (I4)")
	a.Drop()
	requireRaw(t, b, 0, 1, "the last strong drop released exactly the implicit weak (I4)")
	assert.Equal(t, invariants.Dead, b.loadState(), "the value is dead; the Weak keeps the allocation (I2, I3)")
	w.Drop()
	requireRaw(t, b, 0, 0, "the last Weak took weak to 0")
	assert.Equal(t, invariants.Freed, b.loadState(), "both counts 0: the allocation is freed (I5)")
	assert.Equal(t, 0, LiveAllocations()-before, "the freed allocation is no longer live")
}

func TestNewCyclicReservesTheImplicitWeakUpFront(t *testing.T) {
	var strongInBuild, weakInBuild int64
	var stateInBuild invariants.State
	a := NewCyclic(func(self *Weak[int]) int {
		strongInBuild, weakInBuild = self.box.strong.Load(), self.box.weak.Load()
		stateInBuild = self.box.loadState()
		return 7
	})
	assert.Equal(t, [2]int64{0, 2}, [2]int64{strongInBuild, weakInBuild},
		"inside build: strong 0 (no Upgrade, I7); raw weak = the lent Weak + the reserved implicit weak (I4)")
	assert.Equal(t, invariants.Uninit, stateInBuild, "inside build the value does not exist yet")
	requireRaw(t, a.box, 1, 1, "after build: the lent Weak is released, the reserved unit is the implicit weak")
	assert.Equal(t, 7, *a.Get())
	a.Drop()
}
