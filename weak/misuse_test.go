package weak_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

// A spent Weak (dropped or moved) is refused in both builds: the guard is on
// the handle, not a header check.

func TestDoubleDropOfAWeakPanics(t *testing.T) {
	r := rc.New(1)
	w := weak.Downgrade(&r)
	w.Drop()
	require.PanicsWithError(t, "rc: Weak.Drop: handle already dropped", w.Drop,
		"a second Drop would release a unit of the weak count this handle no longer owns")
	assert.Equal(t, 0, r.WeakCount(), "the refused Drop changed no count")
	assert.Equal(t, 1, r.StrongCount(), "the refused Drop changed no count")
	r.Drop()
}

func TestDoubleDropOfADanglingWeakPanics(t *testing.T) {
	w := weak.New[int]()
	w.Drop()
	require.PanicsWithError(t, "rc: Weak.Drop: handle already dropped", w.Drop,
		"dropping a dangling Weak is fine once; a second time is still a double Drop")
}

func TestUseOfAWeakAfterMovePanics(t *testing.T) {
	r := rc.New(1)
	w := weak.Downgrade(&r)
	moved := w.Move()
	const problem = "handle was moved out (use the handle Move returned)"
	uses := []struct {
		op  string
		use func()
	}{
		{"Upgrade", func() { w.Upgrade() }},
		{"Clone", func() { _ = w.Clone() }},
		{"Move", func() { _ = w.Move() }},
		{"Drop", w.Drop},
		{"StrongCount", func() { w.StrongCount() }},
		{"WeakCount", func() { w.WeakCount() }},
	}
	for _, u := range uses {
		require.PanicsWithError(t, "rc: Weak."+u.op+": "+problem, u.use,
			"the moved-from Weak gave its unit to the moved-to one; %s must be refused", u.op)
	}
	assert.Equal(t, 1, r.WeakCount(), "the refused operations changed no count: one Weak")
	assert.Equal(t, 1, r.StrongCount(), "the refused operations changed no count: one strong")
	moved.Drop()
	r.Drop()
}

func TestStaleWeakCopyUsedAfterFreePanicsWithI5(t *testing.T) {
	rctest.RequireChecks(t)
	before := rc.LiveAllocations()
	r := rc.New(1)
	w := weak.Downgrade(&r)
	stale := rctest.UncountedCopy(&w)
	w.Drop()
	r.Drop()
	rctest.RequireLive(t, before, 0, "every counted handle is gone: the allocation is freed")
	require.PanicsWithError(t, "rc: Weak.Upgrade: use after free (I5)", func() { stale.Upgrade() },
		"the copy was never counted, so it points at a freed allocation")
	require.PanicsWithError(t, "rc: Weak.Clone: use after free (I5)", func() { _ = stale.Clone() })
	require.PanicsWithError(t, "rc: Weak.StrongCount: use after free (I5)", func() { stale.StrongCount() })
	require.PanicsWithError(t, "rc: Weak.Drop: use after free (I5)", stale.Drop)
	rctest.RequireLive(t, before, 0, "the refused operations did not resurrect or free again")
}

func TestStaleWeakCopyWhileTheAllocationLivesIsNotDetected(t *testing.T) {
	// Documenting a limit, not a feature: while the allocation is live, an
	// uncounted Weak looks exactly like a counted one, so its Upgrade works
	// and only go vet (which reports the copy) stands in the way.
	r := rc.New(1)
	w := weak.Downgrade(&r)
	stale := rctest.UncountedCopy(&w)
	up, ok := stale.Upgrade()
	require.True(t, ok, "the header cannot tell a stale Weak from a counted one while both are valid")
	up.Drop()
	w.Drop()
	r.Drop()
}

// A Weak copied without Clone and dropped twice while the value lives would
// take the implicit weak's unit: the header would be freed under a live
// strong handle. The second Drop is refused before it writes (I4).
func TestDroppingAStaleWeakCopyCannotTakeTheImplicitWeak(t *testing.T) {
	rctest.RequireChecks(t)
	r := rc.New(1)
	w := weak.Downgrade(&r)
	stale := rctest.UncountedCopy(&w)
	w.Drop() // the one counted Weak is gone; weak is back to the implicit unit
	require.PanicsWithError(t,
		"rc: Weak.Drop: no Weak left to drop: the last weak unit is the implicit weak, owned by the strong handles (was this Weak copied without Clone?) (I4)",
		stale.Drop, "the stale copy has no unit of its own to give back")
	assert.Equal(t, 1, r.StrongCount(), "the refused Drop changed nothing")
	assert.Equal(t, 0, r.WeakCount())
	assert.Equal(t, 1, *r.Get(), "the value is still alive and readable")
	r.Drop()
}
