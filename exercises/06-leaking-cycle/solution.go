//go:build solution

package cycle

import "github.com/rcbook/rcbook/rc"

// MakeCycle allocates nodes "a" and "b", writing to log, and links them
// both ways: a.next owns b and b.next owns a.
func MakeCycle(log *Journal) *Pair {
	p := &Pair{
		A: rc.New(Node{Name: "a", log: log}),
		B: rc.New(Node{Name: "b", log: log}),
	}
	p.A.Get().next = p.B.Clone() // a -> b: b's strong count is 2
	p.B.Get().next = p.A.Clone() // b -> a: a's strong count is 2, and the cycle is closed
	return p
}

// BreakCycle breaks the cycle by dropping a.next, a's strong handle to b,
// so that dropping p's two outer handles runs both destructors.
func BreakCycle(p *Pair) {
	// b's strong count goes 2 -> 1: only the outer handle B owns b now. When
	// B is dropped, b's destructor drops b.next, the last owner of a.
	p.A.Get().next.Drop()
}
