//go:build !solution

package cycle

// MakeCycle allocates nodes "a" and "b", writing to log, and links them
// both ways: a.next owns b and b.next owns a.
func MakeCycle(log *Journal) *Pair {
	panic("TODO: allocate two nodes and give each a strong handle to the other")
}

// BreakCycle breaks the cycle by dropping a.next, a's strong handle to b,
// so that dropping p's two outer handles runs both destructors.
func BreakCycle(p *Pair) {
	panic("TODO: drop a's handle to b")
}
