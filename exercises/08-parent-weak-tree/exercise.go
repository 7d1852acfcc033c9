//go:build !solution

package tree

import (
	"github.com/rcbook/rcbook/cell"
	"github.com/rcbook/rcbook/rc"
)

// AddChild allocates a node holding value, with a Weak to parent as its
// parent link, and appends a strong handle to it to parent's children. It
// returns a second strong handle to the child, which the caller owns and
// must drop: while the caller holds it, the child's strong count is 2. It
// changes the parent through its mutable borrow: if the parent is being
// read, AddChild panics (B1) and makes nothing.
func AddChild(parent *rc.Rc[cell.RefCell[Node]], value string) rc.Rc[cell.RefCell[Node]] {
	panic("TODO: take the parent's BorrowMut, make the child with a Weak to parent, give parent one strong handle to it, return another")
}

// Parent returns the value of node's parent and true while the parent is
// alive, or "" and false for a root or once the parent was dropped. It only
// reads, through shared borrows. The counts are the same after Parent as
// before.
func Parent(node *rc.Rc[cell.RefCell[Node]]) (string, bool) {
	panic("TODO: upgrade the parent Weak, read its value, drop the upgraded handle")
}

// Path returns the values from the highest living ancestor of node down to
// node itself, by following parent links. For a node of a whole tree that is
// the path from the root. It only reads, through shared borrows. The counts
// are the same after Path as before.
func Path(node *rc.Rc[cell.RefCell[Node]]) []string {
	panic("TODO: walk up the parent links, dropping every handle Upgrade gives you")
}

// Drop is Node's destructor: rc calls it once, when the last strong handle
// to the node goes (the RefCell around the node passes the drop on). It
// records the node's value in the log first, as Rust's Drop runs before
// the fields are dropped, and then gives up every handle the node holds.
func (n *Node) Drop() {
	panic("TODO: record the value, then drop each child handle and the parent Weak")
}
