package cycle

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

// These tests do not use rctest.VerifyNoLeaks: leaking is the point. They
// measure the leak with rc.LiveAllocations and rctest.Leaks instead.

func TestMakeCycleLinksTheNodesBothWays(t *testing.T) {
	var log Journal
	before := rc.LiveAllocations()
	p := MakeCycle(&log)
	require.Equal(t, "a", p.A.Get().Name, "the outer handle A must own node a")
	require.Equal(t, "b", p.B.Get().Name, "the outer handle B must own node b")
	require.True(t, rc.PtrEq(&p.A.Get().next, &p.B), "a.next must point at b's allocation")
	require.True(t, rc.PtrEq(&p.B.Get().next, &p.A), "b.next must point at a's allocation")
	require.Equal(t, 2, p.A.StrongCount(), "a has two owners: the outer handle A and b.next (made with Clone)")
	require.Equal(t, 2, p.B.StrongCount(), "b has two owners: the outer handle B and a.next (made with Clone)")
	rctest.RequireLive(t, before, 2, "MakeCycle allocates exactly two nodes")

	p.A.Get().next.Drop() // break the cycle so that this test leaks nothing
	p.A.Drop()
	p.B.Drop()
	require.Equal(t, Journal{"drop b", "drop a"}, log, "with the cycle broken, both destructors run")
}

func TestDroppingBothOuterHandlesLeaksTheCycle(t *testing.T) {
	var log Journal
	before := rc.LiveAllocations()
	p := MakeCycle(&log)
	observer := weak.Downgrade(&p.A) // watches a without owning it
	p.A.Drop()
	p.B.Drop()
	assert.Empty(t, log,
		"each node is still owned by the other's next: no strong count reached 0, so no destructor may run")
	assert.Equal(t, 1, observer.StrongCount(),
		"a's strong count went 2 → 1, not 0: b.next still owns a, and nothing will ever drop it")
	observer.Drop()
	rctest.RequireLive(t, before, 2,
		"both allocations are still live, though the program holds no handle to either: that is the leak")
}

func TestLeaksReportsBothNodesOfTheCycle(t *testing.T) {
	if !invariants.Enabled {
		t.Skip("leak tracking is compiled out with -tags rcrelease")
	}
	var log Journal
	reports := rctest.Leaks(func() {
		p := MakeCycle(&log)
		p.A.Drop()
		p.B.Drop()
	})
	for _, report := range reports {
		t.Log(report)
	}
	require.Len(t, reports, 2,
		"Go's collector reclaims the unreachable cycle, and each node it finds unfreed is one leak report")
	wd, err := os.Getwd() // go test runs in the exercise's folder
	require.NoError(t, err)
	for _, report := range reports {
		assert.Contains(t, report, filepath.Base(wd)+"/",
			"the report names the line in this exercise that allocated the leaked node")
	}
	assert.Empty(t, log, "the collector reclaims memory, but it never runs an rc destructor: none ran")
}

func TestBreakCycleLetsBothDestructorsRun(t *testing.T) {
	var log Journal
	before := rc.LiveAllocations()
	reports := rctest.Leaks(func() {
		p := MakeCycle(&log)
		BreakCycle(p)
		require.True(t, p.A.Get().next.IsEmpty(), "BreakCycle must drop a.next, a's strong handle to b")
		require.Equal(t, 1, p.B.StrongCount(), "a.next is gone: only the outer handle B owns b now")
		require.Equal(t, 2, p.A.StrongCount(), "BreakCycle must leave a's owners alone: A and b.next")
		p.A.Drop()
		require.Empty(t, log, "b.next still owns a: dropping the outer handle A runs no destructor yet")
		p.B.Drop()
	})
	assert.Equal(t, Journal{"drop b", "drop a"}, log,
		"B was b's last owner, so b's destructor ran; it dropped b.next, a's last owner, so a's ran next")
	assert.Empty(t, reports, "the cycle was broken: every allocation was freed, nothing is left for the collector")
	rctest.RequireLive(t, before, 0, "both nodes are freed")
}
