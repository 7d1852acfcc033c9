//go:build !solution

package tree

import "github.com/rcbook/rcbook/rc"

// Link makes parent own child (child's strong count + 1) and gives child a
// Weak back to parent (parent's weak count + 1). parent must not have a
// child yet, nor child a parent.
func Link(parent, child *rc.Rc[Node]) {
	panic("TODO: store a strong handle to child in parent, and a Weak to parent in child")
}

// Parent returns a new strong handle to child's parent and true while the
// parent is alive, or an empty handle and false once it has been dropped.
// The caller must drop the handle it gets.
func Parent(child *rc.Rc[Node]) (rc.Rc[Node], bool) {
	panic("TODO: upgrade the child's Weak to its parent")
}
