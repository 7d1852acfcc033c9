//go:build !solution

package tree

import (
	"github.com/rcbook/rcbook/cell"
	"github.com/rcbook/rcbook/rc"
)

// Link makes parent own child (child's strong count + 1) and gives child a
// Weak back to parent (parent's weak count + 1), writing each link through
// its node's mutable borrow. parent must not have a child yet, nor child a
// parent.
func Link(parent, child *rc.Rc[cell.RefCell[Node]]) {
	panic("TODO: through BorrowMut, store a strong handle to child in parent, and a Weak to parent in child")
}

// Parent returns a new strong handle to child's parent and true while the
// parent is alive, or an empty handle and false once it has been dropped.
// It reads the child through a shared borrow. The caller must drop the
// handle it gets.
func Parent(child *rc.Rc[cell.RefCell[Node]]) (rc.Rc[cell.RefCell[Node]], bool) {
	panic("TODO: upgrade the child's Weak to its parent, read through Borrow")
}
