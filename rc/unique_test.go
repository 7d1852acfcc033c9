package rc_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

func TestGetMutSucceedsWhenTheHandleIsUnique(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	r := rc.New(1)
	p, ok := r.GetMut()
	require.True(t, ok, "strong == 1 and no Weak: the handle is the only way to the value (I6)")
	require.Same(t, r.Get(), p, "GetMut must point at the shared value itself, not a copy")
	*p = 2
	assert.Equal(t, 2, *r.Get(), "a write through GetMut is a write to the value")
	r.Drop()
}

func TestGetMutFailsWhileAnotherStrongHandleExists(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	r := rc.New(1)
	c := r.Clone()
	p, ok := r.GetMut()
	assert.False(t, ok, "strong == 2: the other handle could read while we write (I6)")
	assert.Nil(t, p, "a refused GetMut returns nil")
	requireCounts(t, &r, 2, 0, "a refused GetMut changes nothing")
	c.Drop()
	_, ok = r.GetMut()
	assert.True(t, ok, "the other handle is gone: unique again")
	r.Drop()
}

func TestGetMutFailsWhileAWeakExists(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	// strong == 1 alone would be unsound: the Weak can Upgrade at any time
	// (even from inside code called while the caller writes through the
	// pointer), and the new strong handle would read a value that GetMut's
	// caller believes nobody else can see. Rust's is_unique therefore also
	// demands weak == 1, the implicit weak alone (I6).
	r := rc.New(1)
	w := weak.Downgrade(&r)
	p, ok := r.GetMut()
	assert.False(t, ok, "strong == 1 but a Weak exists, and it could Upgrade and alias the value (I6)")
	assert.Nil(t, p, "a refused GetMut returns nil")
	requireCounts(t, &r, 1, 1, "a refused GetMut changes nothing")
	up, upgraded := w.Upgrade()
	require.True(t, upgraded, "this is the aliasing GetMut must rule out: the Weak upgrades")
	assert.Same(t, r.Get(), up.Get(), "the upgraded handle reaches the very same value")
	up.Drop()
	w.Drop()
	_, ok = r.GetMut()
	assert.True(t, ok, "the Weak is gone: unique again")
	r.Drop()
}

func TestMakeMutClonesWhenOtherStrongHandlesExist(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log rctest.Journal
	before := rc.LiveAllocations()
	r := rc.NewWithCleanup(rctest.Resource{Name: "orig", Log: &log}, recordCleanup(&log))
	other := r.Clone()
	p := r.MakeMut(rename("copy"))
	rctest.RequireLive(t, before, 2, "clone on write: the clone goes into a new allocation")
	assert.False(t, rc.PtrEq(&r, &other), "r must now point at the new allocation")
	assert.Equal(t, "copy", p.Name, "MakeMut returns the clone")
	assert.Same(t, r.Get(), p, "r's handle now reaches the clone")
	assert.Equal(t, "orig", other.Get().Name, "the other handle keeps the old value")
	requireCounts(t, &r, 1, 0, "r is the only handle to the new allocation")
	requireCounts(t, &other, 1, 0, "r gave up its share of the old allocation")
	assert.Empty(t, log, "neither value was dropped: one was cloned, both are owned")
	other.Drop()
	assert.Equal(t, rctest.Journal{"cleanup orig", "drop orig"}, log, "the old allocation keeps its cleanup")
	r.Drop()
	assert.Equal(t, rctest.Journal{"cleanup orig", "drop orig", "cleanup copy", "drop copy"}, log,
		"the new allocation keeps the cleanup too: each value is cleaned up once")
	rctest.RequireLive(t, before, 0, "both allocations freed")
}

func TestMakeMutMovesTheValueOutWhenOnlyWeaksExist(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log rctest.Journal
	before := rc.LiveAllocations()
	r := rc.NewWithCleanup(rctest.Resource{Name: "orig", Log: &log}, recordCleanup(&log))
	w := weak.Downgrade(&r)
	clones := 0
	p := r.MakeMut(func(v rctest.Resource) rctest.Resource { clones++; return v })
	assert.Equal(t, 0, clones, "no other strong handle: the value is moved, never cloned")
	assert.Empty(t, log, "a moved value is not dropped: no cleanup, no Drop")
	assert.Equal(t, "orig", p.Name, "the value itself moved to the new allocation")
	rctest.RequireLive(t, before, 2, "the value moved to a new allocation; the Weak keeps the old one")
	requireCounts(t, &r, 1, 0, "the new allocation has no Weak")
	_, ok := w.Upgrade()
	assert.False(t, ok, "the old allocation lost its value: the Weak cannot upgrade (I2, I7)")
	assert.Equal(t, 0, w.StrongCount(), "no strong handle to the old allocation remains")
	assert.Equal(t, 0, w.WeakCount(), "WeakCount is 0 once no strong handle remains, as in Rust")
	w.Drop()
	rctest.RequireLive(t, before, 1, "the last Weak freed the old allocation")
	assert.Empty(t, log, "freeing the old allocation drops nothing: its value had moved")
	r.Drop()
	assert.Equal(t, rctest.Journal{"cleanup orig", "drop orig"}, log,
		"the new allocation kept the cleanup, and the value is dropped once")
	rctest.RequireLive(t, before, 0, "everything freed")
}

func TestMakeMutMutatesInPlaceWhenUnique(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log rctest.Journal
	before := rc.LiveAllocations()
	r := rc.New(rctest.Resource{Name: "orig", Log: &log})
	old := r.Get()
	clones := 0
	p := r.MakeMut(func(v rctest.Resource) rctest.Resource { clones++; return v })
	assert.Equal(t, 0, clones, "a unique handle needs no copy")
	assert.Same(t, old, p, "unique (I6): MakeMut returns the value in place")
	rctest.RequireLive(t, before, 1, "in place: no new allocation")
	p.Name = "edited"
	assert.Equal(t, "edited", r.Get().Name, "the write lands in the shared value")
	r.Drop()
	assert.Equal(t, rctest.Journal{"drop edited"}, log, "the value is dropped once, with the edit")
}

func TestMakeMutWithAPanickingCloneChangesNothing(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	r := rc.New(1)
	other := r.Clone()
	require.PanicsWithValue(t, "clone failed", func() {
		r.MakeMut(func(int) int { panic("clone failed") })
	}, "the clone function's panic must propagate")
	assert.True(t, rc.PtrEq(&r, &other), "r still points at the original allocation")
	requireCounts(t, &r, 2, 0, "a MakeMut whose clone panicked changes no count")
	rctest.RequireLive(t, before, 1, "no allocation was made for the failed clone")
	other.Drop()
	r.Drop()
	rctest.RequireLive(t, before, 0, "everything freed")
}
