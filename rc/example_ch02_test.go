package rc_test

import (
	"fmt"

	"github.com/rcbook/rcbook/rc"
)

// One New is one allocation. Clone and Drop only change its counts; the
// last Drop frees it. WeakCount is 0 even though the header's weak count
// is 1: the implicit weak is never shown (I4).
func ExampleLiveAllocations() {
	before := rc.LiveAllocations()
	a := rc.New(42)
	b := a.Clone()
	fmt.Println("live:", rc.LiveAllocations()-before, "strong:", a.StrongCount(), "weak:", a.WeakCount())
	a.Drop()
	fmt.Println("live:", rc.LiveAllocations()-before, "strong:", b.StrongCount(), "weak:", b.WeakCount())
	b.Drop()
	fmt.Println("live:", rc.LiveAllocations()-before)
	// Output:
	// live: 1 strong: 2 weak: 0
	// live: 1 strong: 1 weak: 0
	// live: 0
}
