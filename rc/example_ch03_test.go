package rc_test

import (
	"fmt"

	"github.com/rcbook/rcbook/rc"
)

// spoolFile stands for a file that must be flushed (its cleanup) and then
// closed (its own Drop method) when the last owner lets go. It reports how
// many allocations are live, counted from base, so the output shows when
// the allocation is freed.
type spoolFile struct {
	name string
	base int // rc.LiveAllocations() before the file was opened
}

// Drop closes the file. It makes *spoolFile an rc.Dropper.
func (f *spoolFile) Drop() {
	fmt.Println("close", f.name, "- allocations live:", rc.LiveAllocations()-f.base)
}

// flush is the cleanup given to NewWithCleanup.
func flush(f *spoolFile) {
	fmt.Println("flush", f.name, "- allocations live:", rc.LiveAllocations()-f.base)
}

// Only the last Drop does anything beyond a decrement: the cleanup runs,
// then the Drop method, and only then is the allocation freed.
func ExampleRc_Drop_order() {
	f := &spoolFile{name: "spool.log", base: rc.LiveAllocations()}
	a := rc.NewWithCleanup(f, flush)
	b := a.Clone()
	a.Drop() // strong 2 → 1: the fast path
	fmt.Println("owners left:", b.StrongCount())
	b.Drop() // strong 1 → 0: the slow path
	fmt.Println("after the last Drop - allocations live:", rc.LiveAllocations()-f.base)
	// Output:
	// owners left: 1
	// flush spool.log - allocations live: 1
	// close spool.log - allocations live: 1
	// after the last Drop - allocations live: 0
}

// A cleanup that panics does not stop the drop: the Drop method still runs,
// the allocation is still freed, and then the panic reaches the caller.
func ExampleRc_Drop_panickingCleanup() {
	f := &spoolFile{name: "spool.log", base: rc.LiveAllocations()}
	a := rc.NewWithCleanup(f, func(f *spoolFile) {
		panic("flush " + f.name + ": disk full")
	})
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		a.Drop()
	}()
	fmt.Println("handle empty:", a.IsEmpty(), "- allocations live:", rc.LiveAllocations()-f.base)
	// Output:
	// close spool.log - allocations live: 1
	// recovered: flush spool.log: disk full
	// handle empty: true - allocations live: 0
}
