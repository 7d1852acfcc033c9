package weak_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

func TestDowngradeAddsAWeakAndLeavesStrongAlone(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	r := rc.New(1)
	w := weak.Downgrade(&r)
	rctest.RequireLive(t, before, 1, "Downgrade allocates nothing")
	assert.Equal(t, 1, r.StrongCount(), "Downgrade must not change strong")
	assert.Equal(t, 1, r.WeakCount(), "Downgrade adds exactly one Weak")
	assert.Equal(t, 1, w.StrongCount(), "the Weak sees the one strong handle")
	assert.Equal(t, 1, w.WeakCount(), "Weak.WeakCount counts w itself, not the implicit weak (I4)")
	w.Drop()
	r.Drop()
	rctest.RequireLive(t, before, 0, "everything freed")
}

func TestWeakCloneAndDropChangeOnlyTheWeakCount(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	r := rc.New(1)
	w := weak.Downgrade(&r)
	c := w.Clone()
	assert.True(t, weak.PtrEq(&w, &c), "a cloned Weak points to the same allocation")
	assert.Equal(t, 2, r.WeakCount(), "Weak.Clone adds one Weak")
	assert.Equal(t, 2, c.WeakCount(), "both Weaks read the same header")
	assert.Equal(t, 1, c.StrongCount(), "Weak.Clone must not change strong")
	w.Drop()
	require.PanicsWithError(t, "rc: Weak.Upgrade: handle already dropped", func() { w.Upgrade() },
		"a dropped Weak is spent: it no longer holds its unit of the weak count")
	assert.Equal(t, 1, r.WeakCount(), "Weak.Drop removes one Weak")
	c.Drop()
	assert.Equal(t, 0, r.WeakCount(), "no Weak left; the implicit weak stays hidden (I4)")
	r.Drop()
}

func TestUpgradeOfALiveValueAddsAStrongHandle(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	r := rc.New(3)
	w := weak.Downgrade(&r)
	up, ok := w.Upgrade()
	require.True(t, ok, "the value is alive: Upgrade must succeed (I7)")
	assert.True(t, rc.PtrEq(&r, &up), "Upgrade returns a handle to the same allocation")
	assert.Equal(t, 2, r.StrongCount(), "Upgrade adds one strong handle")
	assert.Equal(t, 1, r.WeakCount(), "Upgrade keeps the Weak it was called on")
	r.Drop()
	assert.Equal(t, 3, *up.Get(), "the upgraded handle owns the value like any other")
	up.Drop()
	w.Drop()
}

func TestWeakKeepsTheAllocationButNotTheValue(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log rctest.Journal
	before := rc.LiveAllocations()
	r := rc.New(&dropLogger{"value", &log})
	w := weak.Downgrade(&r)
	r.Drop()
	assert.Equal(t, rctest.Journal{"drop value"}, log, "the last strong drop drops the value although a Weak remains (I2)")
	rctest.RequireLive(t, before, 1, "the Weak keeps the allocation (I3)")
	up, ok := w.Upgrade()
	assert.False(t, ok, "the value is dead: Upgrade must fail, never resurrect it (I7)")
	assert.True(t, up.IsEmpty(), "a failed Upgrade returns an empty Rc")
	w.Drop()
	rctest.RequireLive(t, before, 0, "the last Weak frees the allocation (I5)")
	assert.Equal(t, rctest.Journal{"drop value"}, log, "freeing the allocation does not drop the value again")
}

func TestWeakCountsAreZeroOnceTheValueIsDead(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	r := rc.New(1)
	w := weak.Downgrade(&r)
	w2 := w.Clone()
	r.Drop()
	assert.Equal(t, 0, w.StrongCount(), "no strong handle remains")
	assert.Equal(t, 0, w.WeakCount(),
		"Rust's Weak::weak_count is 0 once no strong handle remains, although two Weaks exist")
	c := w.Clone()
	assert.True(t, weak.PtrEq(&w, &c), "a Weak to a dead value can still be cloned, as in Rust")
	c.Drop()
	w2.Drop()
	w.Drop()
}

func TestWeakMoveLeavesTheSourceEmptyAndTheCountsUnchanged(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	r := rc.New(1)
	w := weak.Downgrade(&r)
	moved := w.Move()
	require.PanicsWithError(t, "rc: Weak.StrongCount: handle was moved out (use the handle Move returned)", func() { w.StrongCount() },
		"Move must leave the source spent: its unit now belongs to the moved-to Weak")
	assert.Equal(t, 1, r.WeakCount(), "Move transfers the Weak, it neither adds nor removes one")
	up, ok := moved.Upgrade()
	require.True(t, ok, "the moved-to Weak is a working Weak")
	up.Drop()
	moved.Drop()
	assert.Equal(t, 0, r.WeakCount(), "dropping the moved-to Weak releases the one Weak")
	r.Drop()
}

func TestNewIsDanglingAndAllocatesNothing(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	w := weak.New[int]()
	rctest.RequireLive(t, before, 0, "a dangling Weak allocates nothing")
	up, ok := w.Upgrade()
	assert.False(t, ok, "a dangling Weak never upgrades")
	assert.True(t, up.IsEmpty(), "a failed Upgrade returns an empty Rc")
	assert.Equal(t, 0, w.StrongCount(), "a dangling Weak has no strong count to show")
	assert.Equal(t, 0, w.WeakCount(), "a dangling Weak has no weak count to show")
	w.Drop()
	rctest.RequireLive(t, before, 0, "dropping a dangling Weak frees nothing")
}

func TestTwoDanglingWeaksArePtrEq(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	a, b := weak.New[int](), weak.New[int]()
	assert.True(t, weak.PtrEq(&a, &b), "two dangling Weaks are equal, as in Rust's std")
	var zero weak.Weak[int]
	assert.True(t, weak.PtrEq(&a, &zero), "the zero Weak is dangling too")
	r := rc.New(1)
	w := weak.Downgrade(&r)
	assert.False(t, weak.PtrEq(&a, &w), "a dangling Weak is not equal to one with an allocation")
	w.Drop()
	r.Drop()
	a.Drop()
	b.Drop()
}

func TestCloneOfADanglingWeakIsDangling(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	w := weak.New[int]()
	c := w.Clone()
	assert.True(t, weak.PtrEq(&w, &c), "the clone of a dangling Weak is dangling")
	_, ok := c.Upgrade()
	assert.False(t, ok, "the clone never upgrades either")
	c.Drop()
	w.Drop()
	rctest.RequireLive(t, before, 0, "dangling Weaks allocate and free nothing")
}
