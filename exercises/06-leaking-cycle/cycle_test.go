package cycle

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/cell"
	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

// These tests do not use rctest.VerifyNoLeaks: leaking is the point. They
// measure the leak with rc.LiveAllocations and rctest.Leaks instead.

// read returns what f reads from the node r owns, under a shared borrow of
// its cell.
func read[V any](r *rc.Rc[cell.RefCell[Node]], f func(n *Node) V) V {
	g := r.Get().Borrow()
	defer g.Release()
	return f(g.Get())
}

// name is the name of the node r owns.
func name(r *rc.Rc[cell.RefCell[Node]]) string {
	return read(r, func(n *Node) string { return n.Name })
}

// linksTo reports whether from's next owns to's node.
func linksTo(from, to *rc.Rc[cell.RefCell[Node]]) bool {
	return read(from, func(n *Node) bool { return rc.PtrEq(&n.next, to) })
}

// hasNext reports whether from's next holds a handle.
func hasNext(from *rc.Rc[cell.RefCell[Node]]) bool {
	return read(from, func(n *Node) bool { return !n.next.IsEmpty() })
}

// requireNotBorrowed fails the test if r's cell has a live borrow.
func requireNotBorrowed(t *testing.T, r *rc.Rc[cell.RefCell[Node]], msg string) {
	t.Helper()
	shared, mutably := r.Get().Borrows()
	require.False(t, shared != 0 || mutably, "%s: %d shared borrows live, mutable borrow live: %v", msg, shared, mutably)
}

// refusal runs f, which must panic with an *invariants.Error, and returns it.
func refusal(t *testing.T, f func(), msg string) (err *invariants.Error) {
	t.Helper()
	defer func() {
		e, ok := recover().(error)
		require.True(t, ok && errors.As(e, &err), msg)
	}()
	f()
	return nil
}

func TestMakeCycleLinksTheNodesBothWays(t *testing.T) {
	var log Journal
	before := rc.LiveAllocations()
	p := MakeCycle(&log)
	requireNotBorrowed(t, &p.A, "MakeCycle must release every borrow it takes (a's)")
	requireNotBorrowed(t, &p.B, "MakeCycle must release every borrow it takes (b's)")
	require.Equal(t, "a", name(&p.A), "the outer handle A must own node a")
	require.Equal(t, "b", name(&p.B), "the outer handle B must own node b")
	require.True(t, linksTo(&p.A, &p.B), "a.next must point at b's allocation")
	require.True(t, linksTo(&p.B, &p.A), "b.next must point at a's allocation")
	require.Equal(t, 2, p.A.StrongCount(), "a has two owners: the outer handle A and b.next (made with Clone)")
	require.Equal(t, 2, p.B.StrongCount(), "b has two owners: the outer handle B and a.next (made with Clone)")
	rctest.RequireLive(t, before, 2, "MakeCycle allocates exactly two nodes")

	a := p.A.Get().BorrowMut() // break the cycle so that this test leaks nothing
	a.Get().next.Drop()
	a.Release()
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
		requireNotBorrowed(t, &p.A, "BreakCycle must release the borrow it takes")
		require.False(t, hasNext(&p.A), "BreakCycle must drop a.next, a's strong handle to b")
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

func TestBreakCycleIsRefusedWhileTheNodeIsRead(t *testing.T) {
	var log Journal
	p := MakeCycle(&log)
	reader := p.A.Get().Borrow() // someone is reading node a, a.next included
	err := refusal(t, func() { BreakCycle(p) },
		"while node a is read, BreakCycle must be refused: take a's mutable borrow (BorrowMut), which a reader keeps out, "+
			"and never write through a shared borrow")
	assert.Equal(t, invariants.B1, err.Rule(), "the refusal cites B1, shared xor mutable: %v", err)
	assert.False(t, reader.Get().next.IsEmpty(), "the refused BreakCycle must change nothing: a.next still owns b")
	assert.Equal(t, 2, p.B.StrongCount(), "the refused BreakCycle must change nothing: b still has two owners")
	reader.Release()

	BreakCycle(p) // the reader is gone: now it is granted
	p.A.Drop()
	p.B.Drop()
	assert.Equal(t, Journal{"drop b", "drop a"}, log, "once the reader let go, BreakCycle broke the cycle and both destructors ran")
}
