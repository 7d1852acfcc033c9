// Package tree is exercise 07: a parent owns its child, the child points
// back with a Weak, and nothing leaks.
package tree

import (
	"github.com/rcbook/rcbook/cell"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/weak"
)

// Journal records which destructors ran, in order.
type Journal []string

func (j *Journal) record(event string) { *j = append(*j, event) }

// Node is a tree node with at most one child. Each node sits in a
// cell.RefCell, as in Rust's Rc<RefCell<Node>>: a linked node is shared, so
// its links are changed only through the cell's one mutable borrow
// (BorrowMut) and read through a shared one (Borrow), never written through
// rc.Rc.Get while another handle can read it (chapter 6).
type Node struct {
	Name   string
	child  rc.Rc[cell.RefCell[Node]]     // strong: a parent owns its child
	parent weak.Weak[cell.RefCell[Node]] // weak: a child finds its parent but does not own it; dangling until linked
	log    *Journal
}

// NewNode allocates a node with no child and no parent, writing to log.
func NewNode(name string, log *Journal) rc.Rc[cell.RefCell[Node]] {
	return rc.New(cell.New(Node{Name: name, log: log}))
}

// Drop is Node's destructor: it runs once, when the last strong handle to
// the node is dropped (the RefCell around the node passes the drop on). It
// records the drop, then gives up the handles the node holds, as Rust drops
// a value's fields after its Drop.
func (n *Node) Drop() {
	n.log.record("drop " + n.Name)
	if !n.child.IsEmpty() {
		n.child.Drop()
	}
	n.parent.Drop() // a dangling Weak may be dropped too
}
