package tree

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

func TestLinkOwnsTheChildAndPointsBackWeakly(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log Journal
	parent := NewNode("parent", &log)
	child := NewNode("child", &log)
	Link(&parent, &child)
	require.Equal(t, 2, child.StrongCount(), "the child has two owners: the outer handle and parent.child (a Clone)")
	require.Zero(t, child.WeakCount(), "nothing points weakly at the child")
	require.Equal(t, 1, parent.StrongCount(),
		"the child's back pointer must not own the parent: a strong one would close a cycle and leak both")
	require.Equal(t, 1, parent.WeakCount(), "the child's back pointer is one Weak to the parent")
	require.True(t, rc.PtrEq(&parent.Get().child, &child), "parent.child must point at the child's allocation")
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
	require.True(t, rc.PtrEq(&up, &parent), "Parent must return a handle to the parent's own allocation")
	require.Equal(t, "parent", up.Get().Name, "Parent must read the parent through the upgraded handle")
	require.Equal(t, 2, parent.StrongCount(), "while the caller holds the upgraded handle, the parent has two owners")
	up.Drop()
	require.Equal(t, 1, parent.StrongCount(), "the caller dropped the upgraded handle: one owner again")
	require.Equal(t, 1, parent.WeakCount(), "Parent must not use up or clone the child's Weak")
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
