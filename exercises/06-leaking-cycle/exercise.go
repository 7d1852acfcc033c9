//go:build !solution

package cycle

// MakeCycle allocates nodes "a" and "b", writing to log, and links them
// both ways: a.next owns b and b.next owns a. Each link is written through
// the node's mutable borrow, released before MakeCycle returns.
func MakeCycle(log *Journal) *Pair {
	panic("TODO: allocate two nodes and give each a strong handle to the other, through BorrowMut")
}

// BreakCycle breaks the cycle by dropping a.next, a's strong handle to b,
// so that dropping p's two outer handles runs both destructors. It takes
// a's mutable borrow to do so: if a is being read, it panics (B1) and
// changes nothing.
func BreakCycle(p *Pair) {
	panic("TODO: drop a's handle to b, through a's mutable borrow")
}
