// Package tree is exercise 07: a parent owns its child, the child points
// back with a Weak, and nothing leaks.
package tree

import (
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/weak"
)

// Journal records which destructors ran, in order.
type Journal []string

func (j *Journal) record(event string) { *j = append(*j, event) }

// Node is a tree node with at most one child.
type Node struct {
	Name   string
	child  rc.Rc[Node]     // strong: a parent owns its child
	parent weak.Weak[Node] // weak: a child finds its parent but does not own it; dangling until linked
	log    *Journal
}

// NewNode allocates a node with no child and no parent, writing to log.
func NewNode(name string, log *Journal) rc.Rc[Node] {
	return rc.New(Node{Name: name, log: log})
}

// Drop is Node's destructor: it runs once, when the last strong handle to
// the node is dropped. It records the drop, then gives up the handles the
// node holds, as Rust drops a value's fields after its Drop.
func (n *Node) Drop() {
	n.log.record("drop " + n.Name)
	if !n.child.IsEmpty() {
		n.child.Drop()
	}
	n.parent.Drop() // a dangling Weak may be dropped too
}
