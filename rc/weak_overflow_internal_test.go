package rc

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/invariants"
)

// Overflow cannot be reached by making 2^63 handles, so these tests set the
// counts at the edge of their range with SetCounts, and put the true counts
// back before the handles are dropped. The overflow guard is not a header
// check: it holds with -tags rcrelease too (I1). Rust's std keeps its guard
// in release builds as well, but aborts; rcbook panics, so these tests can
// see it.

func TestDowngradeAtMaxWeakPanicsAndChangesNoCount(t *testing.T) {
	r := New(1)
	defer r.Drop()
	w := Downgrade(&r)
	defer w.Drop()
	b := w.box
	b.SetCounts(1, invariants.MaxCount)
	defer b.SetCounts(1, 2) // the true counts: one strong; w plus the implicit weak
	require.PanicsWithError(t, "rc: Downgrade: weak count overflow (I1)",
		func() { x := Downgrade(&r); x.Drop() },
		"an increment past MaxCount would wrap, and a wrapped weak count frees a live allocation")
	assert.Equal(t, 1, b.Strong, "the refused Downgrade must not change strong")
	assert.Equal(t, invariants.MaxCount, b.Weak, "the refused Downgrade must not change weak")
}

func TestWeakCloneAtMaxWeakPanicsAndChangesNoCount(t *testing.T) {
	r := New(1)
	defer r.Drop()
	w := Downgrade(&r)
	defer w.Drop()
	b := w.box
	b.SetCounts(1, invariants.MaxCount)
	defer b.SetCounts(1, 2)
	require.PanicsWithError(t, "rc: Weak.Clone: weak count overflow (I1)",
		func() { x := w.Clone(); x.Drop() },
		"Weak.Clone checks its increment like every other (I1)")
	assert.Equal(t, 1, b.Strong, "the refused Clone must not change strong")
	assert.Equal(t, invariants.MaxCount, b.Weak, "the refused Clone must not change weak")
}

func TestUpgradeAtMaxStrongPanicsAndChangesNoCount(t *testing.T) {
	r := New(1)
	defer r.Drop()
	w := Downgrade(&r)
	defer w.Drop()
	b := w.box
	b.SetCounts(invariants.MaxCount, 2)
	defer b.SetCounts(1, 2)
	require.PanicsWithError(t, "rc: Weak.Upgrade: strong count overflow (I1)",
		func() { up, _ := w.Upgrade(); up.Drop() },
		"Upgrade adds a strong handle: its increment is checked like Clone's (I1)")
	assert.Equal(t, invariants.MaxCount, b.Strong, "the refused Upgrade must not change strong")
	assert.Equal(t, 2, b.Weak, "the refused Upgrade must not change weak")
}

func TestDowngradeCountsInTheRawWeakBesideTheImplicitWeak(t *testing.T) {
	r := New(1)
	w := Downgrade(&r)
	assert.Equal(t, 2, w.box.Weak, "raw weak = one Weak + the implicit weak (I4)")
	assert.Equal(t, 1, w.WeakCount(), "WeakCount hides the implicit weak (I4)")
	b := w.box
	r.Drop()
	assert.Equal(t, 1, b.Weak, "the last strong drop released exactly the implicit weak (I4)")
	assert.Equal(t, invariants.Dead, b.State, "the value is dead; the Weak keeps the allocation (I2, I3)")
	w.Drop()
	assert.Equal(t, invariants.Freed, b.State, "the last Weak freed the allocation (I5)")
}

func TestNewCyclicReservesTheImplicitWeakUpFront(t *testing.T) {
	var rawInBuild int
	var stateInBuild invariants.State
	r := NewCyclic(func(self *Weak[int]) int {
		rawInBuild, stateInBuild = self.box.Weak, self.box.State
		return 7
	})
	assert.Equal(t, 2, rawInBuild,
		"inside build raw weak = the lent Weak + the reserved implicit weak (I4)")
	assert.Equal(t, invariants.Uninit, stateInBuild, "inside build the value does not exist yet")
	assert.Equal(t, 7, *r.Get(), "the built value is stored")
	r.Drop()
}
