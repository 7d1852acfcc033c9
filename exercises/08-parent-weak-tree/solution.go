//go:build solution

package tree

import (
	"github.com/rcbook/rcbook/cell"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/weak"
)

// AddChild allocates a node holding value, with a Weak to parent as its
// parent link, and appends a strong handle to it to parent's children. It
// returns a second strong handle to the child, which the caller owns and
// must drop: while the caller holds it, the child's strong count is 2. It
// changes the parent through its mutable borrow: if the parent is being
// read, AddChild panics (B1) and makes nothing.
//
// The parent already exists and we hold a strong handle to it, so
// weak.Downgrade makes the link directly. weak.NewCyclic is for a node that
// needs a Weak before it exists: building a whole tree top down in one
// expression (tree_example's newTree), or a value pointing at itself.
func AddChild(parent *rc.Rc[cell.RefCell[Node]], value string) rc.Rc[cell.RefCell[Node]] {
	// The borrow comes first: a reader of the parent (one holding a
	// pointer from Child, say) refuses it before anything is made, and the
	// append cannot move the slice under that reader.
	p := parent.Get().BorrowMut()
	defer p.Release()
	child := rc.New(cell.New(Node{value: value, parent: weak.Downgrade(parent), log: p.Get().log}))
	p.Get().children = append(p.Get().children, child.Clone())
	return child.Move()
}

// Parent returns the value of node's parent and true while the parent is
// alive, or "" and false for a root or once the parent was dropped. It only
// reads, through shared borrows. The counts are the same after Parent as
// before.
func Parent(node *rc.Rc[cell.RefCell[Node]]) (string, bool) {
	n := node.Get().Borrow()
	defer n.Release()
	up, ok := n.Get().parent.Upgrade()
	if !ok {
		return "", false
	}
	defer up.Drop() // deferred calls run last first: the borrow below is released before this
	p := up.Get().Borrow()
	defer p.Release()
	return p.Get().value, true
}

// Path returns the values from the highest living ancestor of node down to
// node itself, by following parent links. For a node of a whole tree that is
// the path from the root. It only reads, through shared borrows. The counts
// are the same after Path as before.
func Path(node *rc.Rc[cell.RefCell[Node]]) []string {
	n := node.Get().Borrow()
	defer n.Release()
	up, ok := n.Get().parent.Upgrade()
	if !ok {
		return []string{n.Get().value}
	}
	// up keeps the parent alive while we walk above it; the recursion
	// holds one upgraded handle and one shared borrow per level and gives
	// them back on the way down.
	defer up.Drop()
	return append(Path(&up), n.Get().value)
}

// Drop is Node's destructor: rc calls it once, when the last strong handle
// to the node goes (the RefCell around the node passes the drop on). It
// records the node's value in the log first, as Rust's Drop runs before
// the fields are dropped, and then gives up every handle the node holds.
func (n *Node) Drop() {
	n.log.record(n.value)
	for i := range n.children {
		n.children[i].Drop() // the last owner of a child drops its subtree now
	}
	n.parent.Drop() // forgetting it would keep the parent's allocation forever
}
