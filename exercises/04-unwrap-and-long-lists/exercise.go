//go:build !solution

package unwrap

import "github.com/rcbook/rcbook/rc"

// TakeBack takes the value out of r if r is its last strong handle: r is
// consumed, and the value is returned with true, without running its
// destructor. While other strong handles share the value it returns the
// zero T and false, and r is unchanged.
func TakeBack[T any](r *rc.Rc[T]) (T, bool) {
	panic("TODO: take the value back with TryUnwrap")
}

// Push puts a new node holding value at the head of list. The new node owns
// the old head; list becomes the only handle to the new node.
func Push(list *rc.Rc[Node], value int) {
	panic("TODO: allocate a node whose Next owns the old head, and make it the head")
}

// DropList gives up list and, without recursion, frees every node that list
// alone owned. Where another handle shares a node, that node and the rest of
// the list behind it stay alive for the other owner. list is consumed; an
// empty list is allowed.
func DropList(list *rc.Rc[Node]) {
	panic("TODO: in a loop, take the head node out and move its Next into list")
}
