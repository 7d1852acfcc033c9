package rc_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

// cloneNames is a clone function that appends to a copy, so a test can
// tell the copy from the original.
func cloneNames(calls *int) func([]string) []string {
	return func(s []string) []string {
		*calls++
		return append(append([]string(nil), s...), "copy")
	}
}

func TestUnwrapOrCloneTakesTheValueFromTheOnlyOwner(t *testing.T) {
	before := rc.LiveAllocations()
	var log rctest.Journal
	r := rc.NewWithCleanup(rctest.Resource{Name: "a", Log: &log}, recordCleanup(&log))
	w := rc.Downgrade(&r)
	calls := 0
	v := r.UnwrapOrClone(func(x rctest.Resource) rctest.Resource { calls++; return x })
	assert.Equal(t, "a", v.Name, "the only owner gets the value itself")
	assert.Zero(t, calls, "strong was 1: no copy is made")
	assert.Empty(t, log, "the value was taken out, not dropped: neither cleanup nor Drop runs")
	assert.True(t, r.IsEmpty(), "UnwrapOrClone consumes the handle")
	_, ok := w.Upgrade()
	assert.False(t, ok, "a Weak finds the value gone once it was taken out (I7)")
	rctest.RequireLive(t, before, 1, "the Weak keeps the allocation (I3)")
	w.Drop()
	rctest.RequireLive(t, before, 0, "the last Weak frees it (I5)")
}

func TestUnwrapOrCloneCopiesAValueOthersStillOwn(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	r := rc.New([]string{"x"})
	s := r.Clone()
	calls := 0
	v := r.UnwrapOrClone(cloneNames(&calls))
	assert.Equal(t, []string{"x", "copy"}, v, "a shared value is copied with the clone function")
	assert.Equal(t, 1, calls, "clone runs once")
	assert.True(t, r.IsEmpty(), "the handle is consumed in the shared case too")
	requireCounts(t, &s, 1, 0, "r's share was dropped: strong 2 → 1")
	assert.Equal(t, []string{"x"}, *s.Get(), "the other owner keeps the original, untouched")
	// The caller's copy is its own now; the original's owner can take it back.
	v2 := s.UnwrapOrClone(cloneNames(&calls))
	assert.Equal(t, []string{"x"}, v2, "the last owner gets the original without a copy")
	assert.Equal(t, 1, calls, "no second copy")
}

func TestUnwrapOrCloneRefusesMisuse(t *testing.T) {
	r := rc.New(1)
	require.PanicsWithError(t, "rc: UnwrapOrClone: nil clone function", func() { r.UnwrapOrClone(nil) },
		"a nil clone function is refused even when it would not be called")
	requireCounts(t, &r, 1, 0, "a refused UnwrapOrClone changes nothing")
	s := r.Clone()
	require.PanicsWithError(t, "rc: UnwrapOrClone: the clone function dropped, moved or replaced the handle",
		func() { r.UnwrapOrClone(func(v int) int { r.Drop(); return v }) },
		"r's share is gone once clone dropped it: giving it up again would be a double drop")
	requireCounts(t, &s, 1, 0, "the clone function's Drop counted once, UnwrapOrClone's not at all")
	s.Drop()
	require.PanicsWithError(t, "rc: UnwrapOrClone: handle already dropped", func() { r.UnwrapOrClone(func(v int) int { return v }) },
		"a dropped handle has nothing to unwrap")
	u := rc.New(2)
	u.UnwrapOrClone(func(v int) int { return v })
	require.PanicsWithError(t, "rc: Get: handle was consumed by TryUnwrap, IntoInner or UnwrapOrClone", func() { u.Get() },
		"a consumed handle says how it was consumed")
}
