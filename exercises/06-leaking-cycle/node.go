// Package cycle is exercise 06: two nodes that own each other leak, and
// breaking one edge by hand frees them both.
package cycle

import (
	"github.com/rcbook/rcbook/cell"
	"github.com/rcbook/rcbook/rc"
)

// Journal records which destructors ran, in order.
type Journal []string

func (j *Journal) record(event string) { *j = append(*j, event) }

// Node is a value that owns the next node through a strong handle. Each
// node sits in a cell.RefCell, as in Rust's Rc<RefCell<Node>>: once the
// nodes are linked each is shared, so its next is changed only through the
// cell's one mutable borrow (BorrowMut), never by writing through
// rc.Rc.Get while another handle can read it (chapter 6).
type Node struct {
	Name string
	next rc.Rc[cell.RefCell[Node]] // a strong handle: it keeps the next node alive
	log  *Journal
}

// Drop is Node's destructor: it runs once, when the last strong handle to
// the node is dropped (the RefCell around the node passes the drop on). It
// records the drop, then gives up the node's own handle to the next node,
// as Rust drops a value's fields after its Drop.
func (n *Node) Drop() {
	n.log.record("drop " + n.Name)
	if !n.next.IsEmpty() {
		n.next.Drop()
	}
}

// Pair holds the two outer handles: the ones the program itself owns.
type Pair struct {
	A, B rc.Rc[cell.RefCell[Node]]
}
