package rc_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

func TestLastDropRunsTheDropMethodExactlyOnce(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log rctest.Journal
	r := rc.New(rctest.Resource{Name: "file", Log: &log})
	c := r.Clone()
	c.Drop()
	assert.Empty(t, log, "strong went 2 → 1: the value is still owned, its Drop must not run")
	r.Drop()
	assert.Equal(t, rctest.Journal{"drop file"}, log,
		"strong went 1 → 0: the value's Drop must run, exactly once (I2)")
}

func TestDropOfANonLastHandleDoesNotRunTheDestructor(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log rctest.Journal
	before := rc.LiveAllocations()
	r := rc.NewWithCleanup(rctest.Resource{Name: "conn", Log: &log}, recordCleanup(&log))
	clones := []rc.Rc[rctest.Resource]{r.Clone(), r.Clone()}
	for i := range clones {
		clones[i].Drop()
		assert.Empty(t, log, "drop %d left strong > 0: neither cleanup nor Drop may run", i)
	}
	rctest.RequireLive(t, before, 1, "the last handle still owns the allocation")
	r.Drop()
	assert.Len(t, log, 2, "the last drop runs the cleanup and the Drop method once each")
	rctest.RequireLive(t, before, 0, "no Weak: the last strong drop frees the allocation")
}

func TestCleanupRunsOnceAndBeforeTheDropMethod(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log rctest.Journal
	r := rc.NewWithCleanup(rctest.Resource{Name: "buf", Log: &log}, recordCleanup(&log))
	r.Drop()
	assert.Equal(t, rctest.Journal{"cleanup buf", "drop buf"}, log,
		"NewWithCleanup's cleanup runs once, then the value's own Drop method, once")
}

// ptrResource has Drop on the pointer receiver only.
type ptrResource struct{ drops *int }

func (p *ptrResource) Drop() { *p.drops++ }

func TestDropMethodIsFoundThroughEitherReceiver(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var byValue rctest.Journal
	v := rc.New(rctest.Resource{Name: "v", Log: &byValue})
	v.Drop()
	assert.Equal(t, rctest.Journal{"drop v"}, byValue, "a Drop method on the value receiver must run")

	drops := 0
	p := rc.New(ptrResource{&drops})
	p.Drop()
	assert.Equal(t, 1, drops, "a Drop method on the pointer receiver of T must run")

	drops = 0
	pp := rc.New(&ptrResource{&drops})
	pp.Drop()
	assert.Equal(t, 1, drops, "when T is itself a pointer, its Drop method must run")

	drops = 0
	var d rc.Dropper = &ptrResource{&drops}
	i := rc.New(d)
	i.Drop()
	assert.Equal(t, 1, drops, "when T is an interface, the dynamic value's Drop method must run")
}

func TestValuesWithoutDropMethodDropQuietly(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	r := rc.New("no destructor")
	r.Drop()
	rctest.RequireLive(t, before, 0, "a value without Drop method is still freed")
}

// explosive is a value whose destructor panics.
type explosive struct{ log *rctest.Journal }

func (e explosive) Drop() {
	e.log.Record("drop explosive")
	panic("destructor failed")
}

func TestPanickingDestructorStillCompletesTheDrop(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log rctest.Journal
	before := rc.LiveAllocations()
	r := rc.New(explosive{&log})
	require.PanicsWithValue(t, "destructor failed", r.Drop,
		"the destructor's panic must propagate out of Drop unchanged")
	assert.Equal(t, rctest.Journal{"drop explosive"}, log, "the destructor ran once")
	assert.True(t, r.IsEmpty(), "Drop empties the handle before the destructor runs")
	rctest.RequireLive(t, before, 0,
		"step 3 of the last drop (release the implicit weak, free) must run even when step 2 panics")
}

func TestPanickingDestructorLeavesWeaksUnableToUpgrade(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log rctest.Journal
	before := rc.LiveAllocations()
	r := rc.New(explosive{&log})
	w := weak.Downgrade(&r)
	require.PanicsWithValue(t, "destructor failed", r.Drop,
		"the destructor's panic must propagate out of Drop unchanged")
	assert.True(t, r.IsEmpty(), "the handle is empty after a panicking drop")
	up, ok := w.Upgrade()
	assert.False(t, ok, "the value was dropped (its destructor ran): a Weak must not resurrect it (I7)")
	assert.True(t, up.IsEmpty(), "a failed Upgrade returns an empty Rc")
	assert.Equal(t, 0, w.StrongCount(), "no strong handle remains")
	rctest.RequireLive(t, before, 1, "the Weak keeps the allocation, not the value (I3)")
	w.Drop()
	rctest.RequireLive(t, before, 0, "the last Weak frees the allocation (I5)")
}

func TestPanickingCleanupStillRunsTheDropMethod(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log rctest.Journal
	before := rc.LiveAllocations()
	r := rc.NewWithCleanup(rctest.Resource{Name: "sock", Log: &log}, func(v rctest.Resource) {
		log.Record("cleanup " + v.Name)
		panic("cleanup failed")
	})
	require.PanicsWithValue(t, "cleanup failed", r.Drop,
		"the cleanup's panic must propagate out of Drop")
	assert.Equal(t, rctest.Journal{"cleanup sock", "drop sock"}, log,
		"the Drop method still runs after a panicking cleanup, as Rust drops fields after a panicking Drop")
	rctest.RequireLive(t, before, 0, "the allocation is freed despite the panic")
}
