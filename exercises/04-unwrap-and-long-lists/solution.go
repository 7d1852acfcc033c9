//go:build solution

package unwrap

import "github.com/rcbook/rcbook/rc"

// TakeBack takes the value out of r if r is its last strong handle: r is
// consumed, and the value is returned with true, without running its
// destructor. While other strong handles share the value it returns the
// zero T and false, and r is unchanged.
func TakeBack[T any](r *rc.Rc[T]) (T, bool) {
	return r.TryUnwrap()
}

// Push puts a new node holding value at the head of list. The new node owns
// the old head; list becomes the only handle to the new node.
func Push(list *rc.Rc[Node], value int) {
	if list.IsEmpty() {
		*list = rc.New(Node{Value: value}) // the first node is the tail: Next stays empty
		return
	}
	*list = rc.New(Node{Value: value, Next: list.Move()})
}

// DropList gives up list and, without recursion, frees every node that list
// alone owned. Where another handle shares a node, that node and the rest of
// the list behind it stay alive for the other owner. list is consumed; an
// empty list is allowed.
func DropList(list *rc.Rc[Node]) {
	for !list.IsEmpty() {
		// IntoInner consumes list. If it was the node's last strong handle,
		// the node comes out without its destructor running, so dropping it
		// cannot reach the rest of the list.
		node, ok := list.IntoInner()
		if !ok {
			return // shared: IntoInner gave up our share, the other owner keeps the rest
		}
		if node.Next.IsEmpty() {
			return // that was the tail
		}
		// Move, not Clone: the node we hold gives its share of the rest to
		// list, so when node goes out of scope it owns nothing.
		*list = node.Next.Move()
	}
}
