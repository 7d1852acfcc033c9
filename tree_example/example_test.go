package main

import (
	"io"
	"os"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/cell"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

// Example pins the complete printout of the program.
func Example() {
	run(os.Stdout)
	// Output:
	// == part 1: leaf and branch ==
	// leaf strong = 1, weak = 0
	// branch strong = 1, weak = 1
	// leaf strong = 2, weak = 0
	// drop node 5
	// leaf parent: none, the branch is gone
	// leaf strong = 1, weak = 0
	// drop node 3
	// == part 2: a tree built with NewCyclic ==
	// live allocations before: 0
	// live allocations after build: 7
	// node 1 strong = 1, weak = 2
	// node 11 strong = 1, weak = 2
	// node 112 strong = 1, weak = 0
	// node 112 parent: node 11
	// node 11 strong = 2, weak = 2
	// dropping the root
	// drop node 1
	// drop node 11
	// drop node 111
	// drop node 112
	// drop node 12
	// drop node 121
	// drop node 122
	// live allocations after drop: 0
}

// TestRunFreesEverything checks that the whole example leaks no allocation.
func TestRunFreesEverything(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	start := rc.LiveAllocations()
	run(io.Discard)
	require.Equal(t, start, rc.LiveAllocations(), "the example drops everything it makes")
}

// TestTreeFreedByRoot checks that a tree holds one allocation per node and
// that dropping the root alone frees them all.
func TestTreeFreedByRoot(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	start := rc.LiveAllocations()
	noParent := weak.New[cell.RefCell[Node]]()
	root := newTree(io.Discard, 1, 3, &noParent)
	noParent.Drop()
	require.Equal(t, start+7, rc.LiveAllocations(), "a tree of depth 3 is seven allocations, one per node")
	root.Drop()
	require.Equal(t, start, rc.LiveAllocations(), "dropping the root alone frees every node: no Weak owns anything")
}

// TestADeepTreeDropsOnASmallStack drops a path of 100 000 nodes, each the
// only child of the one before, with the whole program held to 1 MiB of
// stack: a destructor that dropped its children itself would need stack
// for every level, tens of megabytes, and crash.
func TestADeepTreeDropsOnASmallStack(t *testing.T) {
	const depth = 100_000
	start := rc.LiveAllocations()
	node := rc.New(cell.New(Node{value: depth, out: io.Discard}))
	for v := depth - 1; v > 0; v-- {
		node = rc.New(cell.New(Node{value: v, out: io.Discard, children: []rc.Rc[cell.RefCell[Node]]{node.Move()}}))
	}
	require.Equal(t, start+depth, rc.LiveAllocations(), "one allocation per node")
	old := debug.SetMaxStack(1 << 20)
	defer debug.SetMaxStack(old)
	done := make(chan struct{})
	go func() { // a fresh goroutine: its stack starts small and may not grow past the limit
		defer close(done)
		node.Drop()
	}()
	<-done
	require.Equal(t, start, rc.LiveAllocations(), "dropping the root frees the whole path")
}
