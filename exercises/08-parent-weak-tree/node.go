// Package tree is exercise 08: a tree whose nodes own their children and
// point back at their parent without owning it.
package tree

import (
	"github.com/rcbook/rcbook/cell"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/weak"
)

// Node is one tree node. It owns its children through strong handles and
// observes its parent through a Weak. If the parent owned the child and the
// child owned the parent, neither strong count could reach 0 and the tree
// would never be dropped.
//
// Each node sits in a cell.RefCell, as in Rust's Rc<RefCell<Node>>: a node
// is shared (its parent, its children's Weaks and any caller may reach it),
// so it is changed only through the cell's one mutable borrow (BorrowMut)
// and read through shared ones (Borrow), never written through rc.Rc.Get
// while another handle can read it (chapter 6).
type Node struct {
	value    string
	parent   weak.Weak[cell.RefCell[Node]] // zero value: dangling, the node has no parent
	children []rc.Rc[cell.RefCell[Node]]   // one strong handle per child, in the order they were added
	log      *Log                          // shared by the whole tree; Drop records the node's value in it
}

// Log records the value of every node whose destructor ran, in the order
// the destructors ran.
type Log []string

// record appends one dropped node's value to the log.
func (l *Log) record(value string) { *l = append(*l, value) }

// NewRoot allocates a node without a parent and returns the only strong
// handle to it: strong 1, weak 0. Every node of the tree records its drop
// in log.
func NewRoot(value string, log *Log) rc.Rc[cell.RefCell[Node]] {
	return rc.New(cell.New(Node{value: value, log: log}))
}

// Value returns the node's value.
func (n *Node) Value() string { return n.value }

// NumChildren returns how many children the node owns.
func (n *Node) NumChildren() int { return len(n.children) }

// Child returns a pointer to the parent's own handle to child i. It borrows
// that handle (no count changes), and it is valid while the caller holds a
// borrow of the parent's cell: that borrow also keeps out AddChild, whose
// append may move the slice.
func (n *Node) Child(i int) *rc.Rc[cell.RefCell[Node]] { return &n.children[i] }
