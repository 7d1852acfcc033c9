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

func TestCloneAtMaxStrongPanicsAndChangesNoCount(t *testing.T) {
	r := New(1)
	r.box.SetCounts(invariants.MaxCount, 1)
	defer r.box.SetCounts(1, 1) // the true counts: one strong handle, the implicit weak
	require.PanicsWithError(t, "rc: Clone: strong count overflow (I1)", func() { _ = r.Clone() },
		"an increment past MaxCount would wrap, and a wrapped count frees a value still in use")
	assert.Equal(t, invariants.MaxCount, r.box.Strong, "the refused Clone must not change strong")
	assert.Equal(t, 1, r.box.Weak, "the refused Clone must not change weak")
	assert.Equal(t, invariants.Alive, r.box.State, "the refused Clone must not change the state")
}

func TestCloneJustBelowMaxStrongSucceeds(t *testing.T) {
	r := New(1)
	r.box.SetCounts(invariants.MaxCount-1, 1)
	c := r.Clone()
	assert.Equal(t, invariants.MaxCount, r.box.Strong, "MaxCount itself is a valid count")
	r.box.SetCounts(2, 1)
	c.Drop()
	r.Drop()
}

func TestNewHoldsTheImplicitWeakButWeakCountHidesIt(t *testing.T) {
	before := LiveAllocations()
	r := New(1)
	b := r.box
	assert.Equal(t, 1, b.Weak,
		"raw weak starts at 1: the implicit weak owned by all strong handles together (I4)")
	assert.Equal(t, 0, r.WeakCount(), "WeakCount never shows the implicit weak (I4)")
	r.Drop()
	assert.Nil(t, r.box, "Drop empties the handle")
	assert.Equal(t, 0, b.Strong, "the last drop brought strong to 0")
	assert.Equal(t, 0, b.Weak, "the last strong drop released exactly the implicit weak (I4)")
	assert.Equal(t, invariants.Freed, b.State, "both counts 0: the allocation is freed (I5)")
	assert.Equal(t, 0, LiveAllocations()-before, "the freed allocation is no longer live")
}
