package tree

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/cell"
	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

// read returns what f reads from the node r owns, under a shared borrow of
// its cell.
func read[V any](r *rc.Rc[cell.RefCell[Node]], f func(n *Node) V) V {
	g := r.Get().Borrow()
	defer g.Release()
	return f(g.Get())
}

// requireNotBorrowed fails the test if r's cell has a live borrow.
func requireNotBorrowed(t *testing.T, r *rc.Rc[cell.RefCell[Node]], msg string) {
	t.Helper()
	shared, mutably := r.Get().Borrows()
	require.False(t, shared != 0 || mutably, "%s: %d shared borrows live, mutable borrow live: %v", msg, shared, mutably)
}

func TestLinkOwnsTheChildAndPointsBackWeakly(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log Journal
	parent := NewNode("parent", &log)
	child := NewNode("child", &log)
	Link(&parent, &child)
	requireNotBorrowed(t, &parent, "Link must release every borrow it takes (the parent's)")
	requireNotBorrowed(t, &child, "Link must release every borrow it takes (the child's)")
	require.Equal(t, 2, child.StrongCount(), "the child has two owners: the outer handle and parent.child (a Clone)")
	require.Zero(t, child.WeakCount(), "nothing points weakly at the child")
	require.Equal(t, 1, parent.StrongCount(),
		"the child's back pointer must not own the parent: a strong one would close a cycle and leak both")
	require.Equal(t, 1, parent.WeakCount(), "the child's back pointer is one Weak to the parent")
	require.True(t, read(&parent, func(n *Node) bool { return rc.PtrEq(&n.child, &child) }),
		"parent.child must point at the child's allocation")
	child.Drop()
	parent.Drop()
}

func TestParentUpgradesWhileTheParentLives(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log Journal
	parent := NewNode("parent", &log)
	child := NewNode("child", &log)
	Link(&parent, &child)
	up, ok := Parent(&child)
	require.True(t, ok, "the outer handle still owns the parent, so the child's Weak must upgrade")
	requireNotBorrowed(t, &child, "Parent must release the borrow it takes")
	require.True(t, rc.PtrEq(&up, &parent), "Parent must return a handle to the parent's own allocation")
	require.Equal(t, "parent", read(&up, func(n *Node) string { return n.Name }),
		"the upgraded handle reaches the parent's node")
	require.Equal(t, 2, parent.StrongCount(), "while the caller holds the upgraded handle, the parent has two owners")
	up.Drop()
	require.Equal(t, 1, parent.StrongCount(), "the caller dropped the upgraded handle: one owner again")
	require.Equal(t, 1, parent.WeakCount(), "Parent must not use up or clone the child's Weak")
	child.Drop()
	parent.Drop()
}

func TestParentReadsBesideOtherReaders(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log Journal
	parent := NewNode("parent", &log)
	child := NewNode("child", &log)
	Link(&parent, &child)
	reader := child.Get().Borrow() // someone else is reading the child
	var up rc.Rc[cell.RefCell[Node]]
	var ok bool
	require.NotPanics(t, func() { up, ok = Parent(&child) },
		"Parent only reads the child: a shared borrow (Borrow) may live beside other readers, a mutable one may not")
	reader.Release()
	require.True(t, ok, "the parent is alive: the child's Weak must upgrade")
	up.Drop()
	child.Drop()
	parent.Drop()
}

func TestLinkIsRefusedWhileTheChildIsRead(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log Journal
	parent := NewNode("parent", &log)
	child := NewNode("child", &log)
	reader := child.Get().Borrow() // someone is reading the child, its parent link included
	var err *invariants.Error
	func() {
		defer func() {
			e, ok := recover().(error)
			require.True(t, ok && errors.As(e, &err),
				"while the child is read, Link must be refused: write each link through its node's mutable borrow "+
					"(BorrowMut), which a reader keeps out, never through a shared borrow")
		}()
		Link(&parent, &child)
	}()
	assert.Equal(t, invariants.B1, err.Rule(), "the refusal cites B1, shared xor mutable: %v", err)
	reader.Release()
	requireNotBorrowed(t, &parent,
		"a Link that panicked must not leave the parent borrowed: release each borrow before taking the next")
	child.Drop()
	parent.Drop()
}

func TestDroppingTheOuterHandlesRunsBothDestructors(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log Journal
	before := rc.LiveAllocations()
	parent := NewNode("parent", &log)
	child := NewNode("child", &log)
	Link(&parent, &child)
	child.Drop()
	assert.Empty(t, log, "the child's strong count went 2 → 1: parent.child still owns it")
	parent.Drop()
	assert.Equal(t, Journal{"drop parent", "drop child"}, log,
		"the parent's only owner let go, so its destructor ran and dropped parent.child, the child's last owner")
	rctest.RequireLive(t, before, 0,
		"no cycle of strong handles: both allocations are freed, Weak and all (compare exercise 06)")
}

func TestParentFailsOnceTheParentIsDropped(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log Journal
	before := rc.LiveAllocations()
	parent := NewNode("parent", &log)
	child := NewNode("child", &log)
	Link(&parent, &child)
	parent.Drop()
	require.Equal(t, Journal{"drop parent"}, log,
		"the back pointer is a Weak, so the outer handle was the parent's only owner: its destructor runs now")
	up, ok := Parent(&child)
	assert.False(t, ok, "the parent was dropped: its strong count is 0, and a Weak must never bring it back")
	assert.True(t, up.IsEmpty(), "a failed upgrade gives an empty handle")
	rctest.RequireLive(t, before, 2,
		"the child is alive, and its Weak keeps the parent's allocation (the header), though not its value")
	child.Drop()
	assert.Equal(t, Journal{"drop parent", "drop child"}, log, "the child's last owner let go: its destructor ran")
	rctest.RequireLive(t, before, 0, "the child's destructor dropped its Weak, the last one: both allocations are freed")
}
