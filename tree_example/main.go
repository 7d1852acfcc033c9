// Command tree_example rebuilds the tree of the Rust Book's chapter 15.6
// ("Reference Cycles Can Leak Memory") with rcbook's rc, weak and cell
// packages: parents own their children through strong handles (rc.Rc), and
// children point back at their parent through non-owning handles
// (weak.Weak), so the tree has no ownership cycle and dropping the root
// frees every node. Each node sits in a cell.RefCell: a node is shared, so
// it is changed only through the cell's one mutable borrow, never by
// writing through rc.Rc.Get. (The Rust Book wraps each field that changes,
// parent and children, in a RefCell of its own; one cell per node keeps a
// node's fields under one borrow.)
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/rcbook/rcbook/cell"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/weak"
)

// Node is one tree node. It owns its children (strong handles) but only
// observes its parent (a Weak): if the parent owned the child and the child
// owned the parent, neither strong count could ever reach 0.
type Node struct {
	value    int
	parent   weak.Weak[cell.RefCell[Node]] // zero value: dangling, "no parent yet"
	children []rc.Rc[cell.RefCell[Node]]
	out      io.Writer // where DropInto reports; Rust would simply println!
}

// DropInto is Node's destructor (it makes Node an rc.QueueDropper; the
// RefCell around it passes the drop on). It runs once, when the last strong
// handle to the node goes. Like Rust, it reports first and then lets go of
// the node's fields: each child handle, in order, and the Weak to the
// parent. Go will not drop fields for us, so forgetting either would leak:
// an undropped child keeps its strong count above 0, and an undropped Weak
// keeps its parent's allocation from being freed.
//
// The children go to q, the drop in progress, rather than to Drop: their
// destructors then run one after another once this one has returned, in
// the same depth-first order, instead of inside it. A tree a million levels
// deep drops on as little stack as this one.
func (n *Node) DropInto(q *rc.DropQueue) {
	fmt.Fprintf(n.out, "drop node %d\n", n.value)
	for i := range n.children {
		n.children[i].DropInto(q)
	}
	n.parent.Drop()
}

// counts prints a handle's strong and weak counts in the book's format.
func counts(w io.Writer, name string, r *rc.Rc[cell.RefCell[Node]]) {
	fmt.Fprintf(w, "%s strong = %d, weak = %d\n", name, r.StrongCount(), r.WeakCount())
}

// run prints the whole example to w; main and the tests share it.
func run(w io.Writer) {
	fmt.Fprintln(w, "== part 1: leaf and branch ==")
	bookExample(w)
	fmt.Fprintln(w, "== part 2: a tree built with NewCyclic ==")
	deeperTree(w)
}

// bookExample follows the chapter step by step: a leaf, a branch that owns
// it for a while, and what the leaf sees once the branch is gone.
func bookExample(w io.Writer) {
	// One strong handle (leaf itself) and no Weak. WeakCount hides the
	// "implicit weak" that all strong handles share (rcbook's rule I4).
	leaf := rc.New(cell.New(Node{value: 3, out: w}))
	counts(w, "leaf", &leaf)

	branchScope(w, &leaf)

	// The branch's value was dropped, so the leaf's Weak no longer upgrades:
	// a dropped value is never brought back. (Its allocation is still there,
	// kept by that very Weak, which is what lets Upgrade answer safely.)
	fmt.Fprintf(w, "leaf parent: %s\n", parentOf(&leaf))
	// The branch's destructor dropped its clone of leaf: back to 1.
	counts(w, "leaf", &leaf)

	// Leaf's destructor drops its Weak to the branch. That was the last
	// thing keeping the branch's allocation (not its value) alive.
	leaf.Drop()
}

// parentOf reads a node's parent pointer through a shared borrow: any
// number of readers may look at once, and no writer meanwhile (B1).
func parentOf(node *rc.Rc[cell.RefCell[Node]]) string {
	r := node.Get().Borrow()
	defer r.Release()
	p, ok := r.Get().parent.Upgrade()
	if !ok {
		return "none, the branch is gone"
	}
	defer p.Drop()
	pr := p.Get().Borrow()
	defer pr.Release()
	return fmt.Sprintf("node %d", pr.Get().value)
}

// branchScope plays the role of the book's inner { ... } block. Go has no
// drop at the end of a block, so the branch lives in its own function and a
// deferred Drop ends its life when the function returns.
func branchScope(w io.Writer, leaf *rc.Rc[cell.RefCell[Node]]) {
	branch := rc.New(cell.New(Node{value: 5, out: w, children: []rc.Rc[cell.RefCell[Node]]{leaf.Clone()}}))
	defer branch.Drop()

	// Point the leaf at its parent. The leaf is shared (the branch holds a
	// clone), so it is changed through the one mutable borrow its cell
	// hands out, as Rust's leaf.parent.borrow_mut() does.
	g := leaf.Get().BorrowMut()
	parent := &g.Get().parent
	parent.Drop() // let go of the old, dangling Weak, as Rust's assignment would
	*parent = weak.Downgrade(&branch)
	g.Release()

	// Strong 1: only the branch variable owns it. Weak 1: the leaf's parent
	// pointer (the implicit weak is hidden, as for the leaf above).
	counts(w, "branch", &branch)
	// Strong 2: leaf itself plus the clone inside branch's children.
	// Weak 0: nothing points back at the leaf.
	counts(w, "leaf", leaf)
}

// deeperTree builds a tree of depth 3 (a root, two children, four
// grandchildren), shows a few counts, and drops it from the root.
func deeperTree(w io.Writer) {
	fmt.Fprintf(w, "live allocations before: %d\n", rc.LiveAllocations())

	noParent := weak.New[cell.RefCell[Node]]() // dangling: the root has no parent
	root := newTree(w, 1, 3, &noParent)
	noParent.Drop()
	fmt.Fprintf(w, "live allocations after build: %d\n", rc.LiveAllocations())

	// Each node is owned once, by its parent's children slice (or, for the
	// root, by the root variable), so every strong count is 1. The weak
	// count is the number of children pointing back at the node. Reading
	// the children takes a shared borrow of each cell on the way down.
	counts(w, "node 1", &root)
	rootNode := root.Get().Borrow()
	mid := &rootNode.Get().children[0] // a pointer to the handle: no new count
	counts(w, "node 11", mid)
	midNode := mid.Get().Borrow()
	low := &midNode.Get().children[1]
	counts(w, "node 112", low)

	// Upgrading the grandchild's parent pointer makes a new strong handle,
	// so node 11 has strong 2 until we drop it again.
	lowNode := low.Get().Borrow()
	if up, ok := lowNode.Get().parent.Upgrade(); ok {
		fmt.Fprintf(w, "node 112 parent: node %d\n", midNode.Get().value)
		counts(w, "node 11", &up)
		up.Drop()
	}
	lowNode.Release()
	midNode.Release()
	rootNode.Release()

	// One Drop frees all seven nodes: each destructor queues its children,
	// and the queue drops them depth first, so the output is a depth-first
	// walk of the tree.
	fmt.Fprintln(w, "dropping the root")
	root.Drop()
	fmt.Fprintf(w, "live allocations after drop: %d\n", rc.LiveAllocations())
}

// newTree builds a node and, below it, depth-1 further levels of two
// children each. The children of node v are numbered v*10+1 and v*10+2.
//
// weak.NewCyclic hands build a Weak to the node before the node exists, so
// each child is created with its final parent pointer already in place: no
// empty parent that has to be patched afterwards, and so no borrow at all.
// Inside build that Weak cannot upgrade yet (the node's strong count is
// still 0); it can only be cloned, and each child stores its clone.
func newTree(w io.Writer, value, depth int, parent *weak.Weak[cell.RefCell[Node]]) rc.Rc[cell.RefCell[Node]] {
	return weak.NewCyclic(func(self *weak.Weak[cell.RefCell[Node]]) cell.RefCell[Node] {
		var children []rc.Rc[cell.RefCell[Node]]
		for i := 1; depth > 1 && i <= 2; i++ {
			children = append(children, newTree(w, value*10+i, depth-1, self))
		}
		return cell.New(Node{value: value, parent: parent.Clone(), children: children, out: w})
	})
}

// main prints the example to standard output.
func main() {
	run(os.Stdout)
}
