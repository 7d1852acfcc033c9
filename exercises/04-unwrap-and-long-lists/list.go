// Package unwrap is exercise 04: taking a value back from its last owner
// with TryUnwrap, and using that to drop a long linked list in a loop
// instead of a recursion.
package unwrap

import "github.com/rcbook/rcbook/rc"

// Node is one cell of a singly linked list. Next owns the rest of the list;
// it is the empty Rc at the tail. A list is an rc.Rc[Node] to its head, and
// the empty list is the zero Rc.
type Node struct {
	Value int
	Next  rc.Rc[Node]
}

// Drop is Node's destructor: it gives up the node's share of the rest of
// the list, as Rust's drop glue drops a struct's fields. It is correct, and
// it is the naive drop: if this node owned the only handle to the next one,
// that node's destructor runs inside this one, and so on to the tail, a few
// hundred bytes of stack deeper for every node. A goroutine's stack may not
// pass 1 GB on 64-bit systems: dropping 2 000 000 nodes this way kills the
// program with "goroutine stack exceeds 1000000000-byte limit".
func (n *Node) Drop() {
	destructors.enter()
	defer destructors.leave()
	if !n.Next.IsEmpty() {
		n.Next.Drop()
	}
}

// nesting counts Node destructors running inside one another, so the tests
// can see how deep a drop recursed.
type nesting struct {
	now, deepest int
}

// destructors is the nesting of Node.Drop calls. The tests reset it.
var destructors nesting

func (d *nesting) enter() {
	d.now++
	d.deepest = max(d.deepest, d.now)
}

func (d *nesting) leave() { d.now-- }
