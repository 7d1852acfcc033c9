//go:build solution

package tree

import (
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/weak"
)

// AddChild allocates a node holding value, with a Weak to parent as its
// parent link, and appends a strong handle to it to parent's children. It
// returns a second strong handle to the child, which the caller owns and
// must drop: while the caller holds it, the child's strong count is 2.
//
// The parent already exists and we hold a strong handle to it, so
// weak.Downgrade makes the link directly. weak.NewCyclic is for a node that
// needs a Weak before it exists: building a whole tree top down in one
// expression (tree_example's newTree), or a value pointing at itself.
func AddChild(parent *rc.Rc[Node], value string) rc.Rc[Node] {
	p := parent.Get()
	child := rc.New(Node{value: value, parent: weak.Downgrade(parent), log: p.log})
	// Writing through Get is safe only because nothing reads p.children
	// while we append; Rust would need a RefCell to allow it.
	p.children = append(p.children, child.Clone())
	return child.Move()
}

// Parent returns the value of node's parent and true while the parent is
// alive, or "" and false for a root or once the parent was dropped. The
// counts are the same after Parent as before.
func Parent(node *rc.Rc[Node]) (string, bool) {
	up, ok := node.Get().parent.Upgrade()
	if !ok {
		return "", false
	}
	defer up.Drop()
	return up.Get().value, true
}

// Path returns the values from the highest living ancestor of node down to
// node itself, by following parent links. For a node of a whole tree that is
// the path from the root. The counts are the same after Path as before.
func Path(node *rc.Rc[Node]) []string {
	n := node.Get()
	up, ok := n.parent.Upgrade()
	if !ok {
		return []string{n.value}
	}
	// up keeps the parent alive while we walk above it; the recursion
	// holds one upgraded handle per level and drops them on the way back.
	defer up.Drop()
	return append(Path(&up), n.value)
}

// Drop is Node's destructor: rc calls it once, when the last strong handle
// to the node goes. It records the node's value in the log first, as
// Rust's Drop runs before the fields are dropped, and then gives up every
// handle the node holds.
func (n *Node) Drop() {
	n.log.record(n.value)
	for i := range n.children {
		n.children[i].Drop() // the last owner of a child drops its subtree now
	}
	n.parent.Drop() // forgetting it would keep the parent's allocation forever
}
