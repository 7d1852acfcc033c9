//go:build solution

package tree

import (
	"github.com/rcbook/rcbook/cell"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/weak"
)

// Link makes parent own child (child's strong count + 1) and gives child a
// Weak back to parent (parent's weak count + 1), writing each link through
// its node's mutable borrow. parent must not have a child yet, nor child a
// parent.
func Link(parent, child *rc.Rc[cell.RefCell[Node]]) {
	p := parent.Get().BorrowMut()
	p.Get().child = child.Clone() // down the tree: an owner
	p.Release()
	// Up the tree: not an owner. A strong handle here would close a cycle,
	// and neither node would ever be dropped (exercise 06). The child is
	// shared now (parent.child owns it too): the one mutable borrow again.
	c := child.Get().BorrowMut()
	c.Get().parent = weak.Downgrade(parent)
	c.Release()
}

// Parent returns a new strong handle to child's parent and true while the
// parent is alive, or an empty handle and false once it has been dropped.
// It reads the child through a shared borrow. The caller must drop the
// handle it gets.
func Parent(child *rc.Rc[cell.RefCell[Node]]) (rc.Rc[cell.RefCell[Node]], bool) {
	c := child.Get().Borrow()
	defer c.Release()
	// Upgrade fails once the parent's strong count is 0: a Weak never
	// brings a dropped value back.
	return c.Get().parent.Upgrade()
}
