//go:build solution

package tree

import (
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/weak"
)

// Link makes parent own child (child's strong count + 1) and gives child a
// Weak back to parent (parent's weak count + 1). parent must not have a
// child yet, nor child a parent.
func Link(parent, child *rc.Rc[Node]) {
	parent.Get().child = child.Clone() // down the tree: an owner
	// Up the tree: not an owner. A strong handle here would close a cycle,
	// and neither node would ever be dropped (exercise 06).
	child.Get().parent = weak.Downgrade(parent)
}

// Parent returns a new strong handle to child's parent and true while the
// parent is alive, or an empty handle and false once it has been dropped.
// The caller must drop the handle it gets.
func Parent(child *rc.Rc[Node]) (rc.Rc[Node], bool) {
	// Upgrade fails once the parent's strong count is 0: a Weak never
	// brings a dropped value back.
	return child.Get().parent.Upgrade()
}
