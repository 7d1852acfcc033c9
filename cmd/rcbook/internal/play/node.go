package play

import (
	"fmt"
	"io"

	"github.com/rcbook/rcbook/cell"
	"github.com/rcbook/rcbook/rc"
)

// node is the value of every allocation play makes: an int, and the three
// kinds of link chapter 7 builds lists, cycles and trees from. It is
// tree_example's Node with a next link added, so that two nodes can own
// each other.
//
// Each node sits in a RefCell (nodeCell), and play keeps the book's rule
// for it: a node other handles can read is changed only through its cell's
// mutable borrow (write), and read through a shared one (allocation.read).
type node struct {
	value    int
	next     rc.Rc[cell.RefCell[node]]   // strong; the zero Rc, empty, while unset
	parent   rc.Weak[cell.RefCell[node]] // a Weak; the zero Weak, dangling, while unset
	children []rc.Rc[cell.RefCell[node]] // strong, in the order added
	// n is the number (#n) of the allocation the node lives in, for the
	// journal. play writes it when it numbers the allocation, and again
	// when MakeMut moves the node to a new one.
	n       int
	journal *journal // where Drop reports
}

// nodeCell is what every allocation holds: Rust's Rc<RefCell<Node>> is
// rc.Rc[nodeCell].
type nodeCell = cell.RefCell[node]

// observer is an rc.Observer of a node's allocation: it counts in nothing.
type observer = rc.Observer[nodeCell]

// newNode returns a cell holding a node with value and no links, reporting
// its drop to j.
func newNode(value int, j *journal) nodeCell {
	return cell.New(node{value: value, journal: j})
}

// Drop is node's destructor: the RefCell around it passes rc's drop on
// (rc.Dropper). Like tree_example's, it reports first and then lets go of
// the node's links, in the order Rust drops fields, the order they are
// declared in: next, parent, children. Go drops no field for us: a link left
// undropped would keep its target's count above 0 for ever.
//
// This is why a cycle leaks. A node's links are dropped only here, and
// this runs only when the node's own strong count reaches 0, which a
// strong link inside another node of the cycle prevents.
func (n *node) Drop() {
	n.journal.add(fmt.Sprintf("drop #%d (value %d)", n.n, n.value))
	if !n.next.IsEmpty() {
		n.next.Drop()
	}
	n.parent.Drop() // dropping a dangling Weak is allowed
	for i := range n.children {
		n.children[i].Drop()
	}
}

// cloneOf returns a new cell whose node is a copy of the node in c: the
// same value, and a clone of every link (strong + 1 or weak + 1 for each
// target). It reads c through a shared borrow, as Rust's Clone for a
// RefCell does, so a live RefMut makes it panic (B1).
func cloneOf(c *nodeCell) nodeCell {
	r := c.Borrow()
	defer r.Release()
	n := r.Get()
	return cell.New(node{
		value:    n.value,
		next:     cloneLink(&n.next),
		parent:   n.parent.Clone(), // a dangling Weak clones to another
		children: cloneLinks(n.children),
		journal:  n.journal,
	})
}

// cloneLink clones a strong link, or returns an empty one for an unset link.
func cloneLink(r *rc.Rc[nodeCell]) rc.Rc[nodeCell] {
	if r.IsEmpty() {
		return rc.Rc[nodeCell]{}
	}
	return r.Clone()
}

// cloneLinks clones every strong link of a list, in order.
func cloneLinks(links []rc.Rc[nodeCell]) []rc.Rc[nodeCell] {
	var clones []rc.Rc[nodeCell]
	for i := range links {
		clones = append(clones, links[i].Clone())
	}
	return clones
}

// ignoringCopy adapts clone to the func(T) T that MakeMut takes. MakeMut
// also passes the value itself, which for a cell is a copy of it, made by
// copying memory; a function that named cell.RefCell as its parameter type
// would be reported by go vet, rightly, since a copied cell is a second
// borrow flag for one value. The function returned never looks at that
// copy: clone reads the original cell through a borrow, as Rust's make_mut
// clones through a shared reference.
func ignoringCopy[T any](clone func() T) func(T) T {
	return func(T) T { return clone() }
}

// link is one handle stored in a node, as the picture and the JSON show it.
type link struct {
	name string   // "next", "parent", "children[0]", ...
	weak bool     // a Weak (parent), not a strong handle
	to   observer // its target; the zero observer for a dangling Weak
}

// links lists the handles n holds, in the fixed order next, parent,
// children. An unset next or parent is not listed; the zero Weak an unset
// parent holds is also what a dangling Weak is, so a parent set to a
// dangling Weak is not listed either.
func links(n *node) []link {
	var ls []link
	if !n.next.IsEmpty() {
		ls = append(ls, link{name: "next", to: n.next.Observe()})
	}
	if to := n.parent.Observe(); to != (observer{}) {
		ls = append(ls, link{name: "parent", weak: true, to: to})
	}
	for i := range n.children {
		ls = append(ls, link{name: fmt.Sprintf("children[%d]", i), to: n.children[i].Observe()})
	}
	return ls
}

// journal is the session's record of the destructors that ran, in order.
// Each line is printed the moment it is written, so that a step's output
// shows drops in the order they happen, a cascade included.
type journal struct {
	lines []string
	out   io.Writer
}

func (j *journal) add(line string) {
	j.lines = append(j.lines, line)
	fmt.Fprintln(j.out, line)
}
