package weak_test

import (
	"fmt"

	"github.com/rcbook/rcbook/cell"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/weak"
)

// peer owns the peer after it and only observes the one before it. Peers
// are shared, so each sits in a cell.RefCell and its links are written
// through the cell's mutable borrow (chapter 6).
type peer struct {
	name string
	next rc.Rc[cell.RefCell[peer]]     // strong: keeps next alive
	prev weak.Weak[cell.RefCell[peer]] // weak: does not
}

// link writes one of p's links through p's mutable borrow.
func link(p *rc.Rc[cell.RefCell[peer]], set func(*peer)) {
	g := p.Get().BorrowMut()
	defer g.Release()
	set(g.Get())
}

// Drop reports, then lets go of the peer's own handles.
func (p *peer) Drop() {
	fmt.Println("destructor:", p.name)
	if !p.next.IsEmpty() {
		p.next.Drop()
	}
	p.prev.Drop()
}

// Two values that own each other through strong handles: dropping both of
// the program's handles leaves each strong count at 1, so neither destructor
// runs. A Weak kept aside shows the value is still alive; only breaking a
// link by hand frees the pair.
func Example_cycle() {
	base := rc.LiveAllocations()
	a := rc.New(cell.New(peer{name: "a"}))
	b := rc.New(cell.New(peer{name: "b"}))
	link(&a, func(p *peer) { p.next = b.Clone() }) // a -> b
	link(&b, func(p *peer) { p.next = a.Clone() }) // b -> a: a cycle
	observer := weak.Downgrade(&a)
	fmt.Println("strong counts:", a.StrongCount(), b.StrongCount())
	a.Drop()
	b.Drop()
	fmt.Println("both handles dropped; allocations:", rc.LiveAllocations()-base)
	fmt.Println("a seen from a Weak: strong", observer.StrongCount())

	fmt.Println("breaking b -> a by hand:")
	up, _ := observer.Upgrade()
	link(&up, func(p *peer) { p.next.Drop() }) // a lets go of b; b's destructor lets go of a
	up.Drop()
	observer.Drop()
	fmt.Println("allocations:", rc.LiveAllocations()-base)
	// Output:
	// strong counts: 2 2
	// both handles dropped; allocations: 2
	// a seen from a Weak: strong 1
	// breaking b -> a by hand:
	// destructor: b
	// destructor: a
	// allocations: 0
}

// The same pair with the link back made weak: b observes a instead of
// owning it, so dropping the program's handles runs both destructors.
func Example_cycleBroken() {
	base := rc.LiveAllocations()
	a := rc.New(cell.New(peer{name: "a"}))
	b := rc.New(cell.New(peer{name: "b"}))
	link(&a, func(p *peer) { p.next = b.Clone() })          // a -> b, strong
	link(&b, func(p *peer) { p.prev = weak.Downgrade(&a) }) // b -> a, weak
	fmt.Println("strong counts:", a.StrongCount(), b.StrongCount())
	a.Drop()
	b.Drop()
	fmt.Println("allocations:", rc.LiveAllocations()-base)
	// Output:
	// strong counts: 1 2
	// destructor: a
	// destructor: b
	// allocations: 0
}
