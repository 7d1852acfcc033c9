//go:build solution

package cycle

import (
	"github.com/rcbook/rcbook/cell"
	"github.com/rcbook/rcbook/rc"
)

// MakeCycle allocates nodes "a" and "b", writing to log, and links them
// both ways: a.next owns b and b.next owns a. Each link is written through
// the node's mutable borrow, released before MakeCycle returns.
func MakeCycle(log *Journal) *Pair {
	p := &Pair{
		A: rc.New(cell.New(Node{Name: "a", log: log})),
		B: rc.New(cell.New(Node{Name: "b", log: log})),
	}
	a := p.A.Get().BorrowMut()
	a.Get().next = p.B.Clone() // a -> b: b's strong count is 2
	a.Release()
	// b is shared now (a.next owns it too), so it is written only through
	// the one mutable borrow its cell hands out.
	b := p.B.Get().BorrowMut()
	b.Get().next = p.A.Clone() // b -> a: a's strong count is 2, and the cycle is closed
	b.Release()
	return p
}

// BreakCycle breaks the cycle by dropping a.next, a's strong handle to b,
// so that dropping p's two outer handles runs both destructors. It takes
// a's mutable borrow to do so: if a is being read, it panics (B1) and
// changes nothing.
func BreakCycle(p *Pair) {
	a := p.A.Get().BorrowMut()
	defer a.Release()
	// b's strong count goes 2 -> 1: only the outer handle B owns b now, so
	// no destructor runs while a is borrowed. When B is dropped, b's
	// destructor drops b.next, the last owner of a.
	a.Get().next.Drop()
}
