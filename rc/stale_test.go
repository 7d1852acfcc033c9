package rc_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

// A handle copied without Clone shares the header without being counted.
// go vet reports such copies; these tests make one anyway (uncountedCopy)
// to show that the header checks catch its use once the counted handles are
// gone. -tags rcrelease removes the checks, so these tests skip there.

func TestStaleCopyUsedAfterFreePanicsWithI5(t *testing.T) {
	rctest.RequireChecks(t)
	before := rc.LiveAllocations()
	r := rc.New(1)
	stale := rctest.UncountedCopy(&r)
	r.Drop()
	rctest.RequireLive(t, before, 0, "the only counted handle is gone: the allocation is freed")
	require.PanicsWithError(t, "rc: Get: use after free (I5)", func() { stale.Get() },
		"the copy was never counted, so it points at a freed allocation")
	require.PanicsWithError(t, "rc: Clone: use after free (I5)", func() { _ = stale.Clone() })
	require.PanicsWithError(t, "rc: Drop: use after free (I5)", stale.Drop)
	require.PanicsWithError(t, "rc: Downgrade: use after free (I5)",
		func() { w := weak.Downgrade(stale); w.Drop() })
	rctest.RequireLive(t, before, 0, "the refused operations did not resurrect the allocation")
}

func TestStaleCopyWhileAWeakKeepsTheAllocationPanicsWithI2(t *testing.T) {
	rctest.RequireChecks(t)
	var log rctest.Journal
	before := rc.LiveAllocations()
	r := rc.New(rctest.Resource{Name: "file", Log: &log})
	w := weak.Downgrade(&r)
	stale := rctest.UncountedCopy(&r)
	r.Drop()
	require.Equal(t, rctest.Journal{"drop file"}, log, "the last counted strong handle dropped the value")
	const problem = "value already dropped: this strong handle outlived its value (was it copied without Clone?) (I2)"
	require.PanicsWithError(t, "rc: Get: "+problem, func() { stale.Get() },
		"the allocation is live (the Weak holds it) but its value is gone")
	require.PanicsWithError(t, "rc: StrongCount: "+problem, func() { stale.StrongCount() })
	require.PanicsWithError(t, "rc: Drop: "+problem, stale.Drop)
	assert.Equal(t, rctest.Journal{"drop file"}, log, "the refused Drop did not drop the value again")
	assert.Equal(t, 0, w.StrongCount(), "the refused operations left strong at 0")
	_, ok := w.Upgrade()
	assert.False(t, ok, "the value is still dead (I7)")
	rctest.RequireLive(t, before, 1, "the refused Drop did not take the Weak's unit: the allocation is live")
	w.Drop()
	rctest.RequireLive(t, before, 0, "the Weak's own Drop frees the allocation, exactly once")
}

func TestStaleCopyAfterTheValueMovedOutPanicsWithI2(t *testing.T) {
	rctest.RequireChecks(t)
	r := rc.New(1)
	w := weak.Downgrade(&r)
	stale := rctest.UncountedCopy(&r)
	v, ok := r.TryUnwrap()
	require.True(t, ok, "set-up: r was the only counted strong handle")
	require.Equal(t, 1, v, "set-up: TryUnwrap returned the value")
	require.PanicsWithError(t, "rc: Get: value already dropped: this strong handle outlived its value (was it copied without Clone?) (I2)",
		func() { stale.Get() }, "the value left the allocation with TryUnwrap")
	w.Drop()
}

// selfReader's destructor reaches its own allocation through a stale strong
// handle stored inside the value, and records what that did.
type selfReader struct {
	stale     *rc.Rc[*selfReader]
	recovered any
}

func (s *selfReader) Drop() {
	defer func() { s.recovered = recover() }()
	s.stale.Get()
}

func TestDestructorUsingAStaleHandleToItsOwnValuePanicsWithI2(t *testing.T) {
	rctest.RequireChecks(t)
	before := rc.LiveAllocations()
	s := &selfReader{}
	r := rc.New(s)
	s.stale = rctest.UncountedCopy(&r)
	r.Drop()
	err, ok := s.recovered.(error)
	require.True(t, ok, "the destructor's use of the stale handle must panic with an error, got %v", s.recovered)
	assert.EqualError(t, err,
		"rc: Get: value is being dropped: a destructor reached its own allocation through a stale strong handle (I2)",
		"strong is already 0 while the destructor runs: no strong handle may use the value")
	rctest.RequireLive(t, before, 0, "the drop completed after the destructor recovered")
}
