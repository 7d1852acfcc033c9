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
// its cell. A pointer f got from n.Child is valid only inside f.
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

// addLeaf adds a child that only its parent owns: it drops the handle
// AddChild returns.
func addLeaf(parent *rc.Rc[cell.RefCell[Node]], value string) {
	child := AddChild(parent, value)
	child.Drop()
}

// fileTree builds
//
//	/
//	├── etc
//	└── usr
//	    ├── bin
//	    └── lib
//
// and returns the root and the handle AddChild returned for usr, which the
// caller owns as well.
func fileTree(log *Log) (rc.Rc[cell.RefCell[Node]], rc.Rc[cell.RefCell[Node]]) {
	root := NewRoot("/", log)
	addLeaf(&root, "etc")
	usr := AddChild(&root, "usr")
	addLeaf(&usr, "bin")
	addLeaf(&usr, "lib")
	return root.Move(), usr.Move()
}

func TestAddChildReturnsAHandleOfItsOwn(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log Log
	root := NewRoot("/", &log)
	child := AddChild(&root, "etc")
	requireNotBorrowed(t, &root, "AddChild must release the parent's borrow before it returns")
	require.Equal(t, 1, read(&root, (*Node).NumChildren), "AddChild must append the child to the parent's children")
	require.True(t, read(&root, func(n *Node) bool { return rc.PtrEq(&child, n.Child(0)) }),
		"the handle AddChild returns and the one the parent keeps must point at the same node")
	assert.Equal(t, "etc", read(&child, (*Node).Value), "the child must hold the value it was given")
	assert.Equal(t, 2, child.StrongCount(),
		"two owners: the parent's children slice and the handle AddChild returned to you")
	child.Drop()
	assert.Equal(t, 1, read(&root, func(n *Node) int { return n.Child(0).StrongCount() }),
		"once you drop your handle the parent is the child's only owner")
	assert.Empty(t, log, "the parent still owns the child: its destructor must not run")
	root.Drop()
}

func TestAddChildIsRefusedWhileTheParentIsRead(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log Log
	root := NewRoot("/", &log)
	addLeaf(&root, "etc")
	before := rc.LiveAllocations()
	reader := root.Get().Borrow()
	etc := reader.Get().Child(0) // a pointer into the children: an append could move the slice under it
	var err *invariants.Error
	func() {
		defer func() {
			e, ok := recover().(error)
			require.True(t, ok && errors.As(e, &err),
				"while the parent is read, AddChild must be refused: change the parent through its mutable borrow "+
					"(BorrowMut), which a reader keeps out, never through a shared borrow")
		}()
		child := AddChild(&root, "usr")
		child.Drop()
	}()
	assert.Equal(t, invariants.B1, err.Rule(), "the refusal cites B1, shared xor mutable: %v", err)
	assert.Equal(t, 1, reader.Get().NumChildren(), "the refused AddChild must not append anything")
	assert.Equal(t, "etc", read(etc, (*Node).Value), "the reader's pointer still reaches the first child")
	rctest.RequireLive(t, before, 0,
		"the refused AddChild must make nothing: take the parent's BorrowMut before allocating the child")
	reader.Release()
	root.Drop()
}

func TestChildrenAreOwnedOnceAndPointBackWeakly(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log Log
	root := NewRoot("/", &log)
	for _, name := range []string{"bin", "etc", "usr"} {
		addLeaf(&root, name)
	}
	assert.Equal(t, 1, root.StrongCount(),
		"children must not own their parent: a strong parent link would make a cycle that never drops")
	assert.Equal(t, 3, root.WeakCount(), "each of the 3 children holds one Weak to its parent")
	rootNode := root.Get().Borrow()
	for i := range rootNode.Get().NumChildren() {
		child := rootNode.Get().Child(i)
		assert.Equal(t, 1, child.StrongCount(), "child %d is owned by its parent alone", i)
		assert.Equal(t, 0, child.WeakCount(), "child %d has no children, so nothing points back at it", i)
	}
	rootNode.Release()
	root.Drop()
}

func TestParentUpgradesTheParentLinkAndGivesItBack(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log Log
	root, usr := fileTree(&log)
	// The test reads / and usr while it calls Parent: Parent only reads,
	// so its shared borrows live beside the test's.
	rootNode := root.Get().Borrow()
	usrNode := rootNode.Get().Child(1).Get().Borrow()
	bin := usrNode.Get().Child(0)

	parent, ok := Parent(bin)
	require.True(t, ok, "usr is alive, so bin's parent link must upgrade")
	assert.Equal(t, "usr", parent, "bin's parent is usr")
	assert.Equal(t, 2, usr.StrongCount(),
		"Parent must drop the handle Upgrade gave it: usr is still owned by / and by the test, no more")

	parent, ok = Parent(&usr)
	require.True(t, ok, "the root is alive, so usr's parent link must upgrade")
	assert.Equal(t, "/", parent, "usr's parent is the root")
	assert.Equal(t, 1, root.StrongCount(), "Parent must leave the root's strong count as it found it")

	parent, ok = Parent(&root)
	assert.False(t, ok, "the root has no parent: its parent Weak is dangling and never upgrades")
	assert.Empty(t, parent, "without a parent, Parent returns the empty string")

	usrNode.Release()
	rootNode.Release()
	requireNotBorrowed(t, &usr, "Parent must release every borrow it takes")
	requireNotBorrowed(t, &root, "Parent must release every borrow it takes")
	usr.Drop()
	root.Drop()
}

func TestPathWalksFromTheRootDownToTheNode(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log Log
	root, usr := fileTree(&log)
	usrNode := usr.Get().Borrow()
	lib := usrNode.Get().Child(1)

	assert.Equal(t, []string{"/"}, Path(&root), "the path of the root is the root alone")
	assert.Equal(t, []string{"/", "usr"}, Path(&usr), "the path of usr starts at the root")
	assert.Equal(t, []string{"/", "usr", "lib"}, Path(lib),
		"Path lists the values from the root down to the node, following the parent links upward")
	assert.Equal(t, 1, root.StrongCount(), "Path must drop every handle it upgraded: the root has one owner")
	assert.Equal(t, 2, usr.StrongCount(), "Path must drop every handle it upgraded: usr has two owners")
	assert.Equal(t, 1, lib.StrongCount(), "Path must not clone the node it starts from")

	usrNode.Release()
	requireNotBorrowed(t, &usr, "Path must release every borrow it takes")
	requireNotBorrowed(t, &root, "Path must release every borrow it takes")
	usr.Drop()
	root.Drop()
}

func TestDroppingTheRootDropsAndFreesTheWholeTree(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log Log
	before := rc.LiveAllocations()
	root, usr := fileTree(&log)
	usr.Drop()
	rctest.RequireLive(t, before, 5, "five nodes, one allocation each")

	root.Drop()
	assert.Equal(t, Log{"/", "etc", "usr", "bin", "lib"}, log,
		"every node's destructor must run once, a node before its children (it records, then drops them)")
	rctest.RequireLive(t, before, 0,
		"every allocation must be freed: each destructor has to drop its children and its parent Weak too")
}

func TestASubtreeHeldFromOutsideOutlivesItsRoot(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log Log
	before := rc.LiveAllocations()
	root, usr := fileTree(&log)
	usrNode := usr.Get().Borrow()
	bin := usrNode.Get().Child(0)

	root.Drop()
	assert.Equal(t, Log{"/", "etc"}, log,
		"the root and etc had no other owner, but the test still holds usr: usr, bin and lib must live")
	assert.Equal(t, 1, usr.StrongCount(), "the root's destructor gave up its share of usr: the test's handle is left")
	rctest.RequireLive(t, before, 4,
		"usr, bin and lib live, and usr's parent Weak keeps the root's allocation (not its value)")

	parent, ok := Parent(&usr)
	assert.False(t, ok, "the root's value was dropped: usr's parent link must not bring it back")
	assert.Empty(t, parent, "a failed Parent returns the empty string")
	assert.Equal(t, []string{"usr", "bin"}, Path(bin),
		"with the root gone, the path starts at the highest node that is still alive")

	usrNode.Release() // before the last Drop: a cell is not dropped while borrowed (B2)
	usr.Drop()
	assert.Equal(t, Log{"/", "etc", "usr", "bin", "lib"}, log,
		"dropping the last handle to usr drops the rest of the tree")
	rctest.RequireLive(t, before, 0, "usr's destructor dropped its parent Weak, the last hold on the root's allocation")
}
