// Command racy shares one Rc between two goroutines, which rc does not
// allow: its counts are plain integers, like Rust's Rc, which is neither
// Send nor Sync. Run under the race detector it must be reported.
//
// It races in one place only, so that the first report is the same on
// every run: the goroutine it starts clones the handle, writing the strong
// count, and finishes; main waits for it by polling runtime.NumGoroutine,
// which orders nothing, and then reads the count. Had it waited on a
// channel or a WaitGroup, the two accesses would be ordered, and the race
// detector would rightly stay silent.
package main

import (
	"fmt"
	"runtime"

	"github.com/rcbook/rcbook/rc"
)

func main() {
	shared := rc.New(0)
	var clone rc.Rc[int]
	go func() {
		clone = shared.Clone() // writes the strong count on this goroutine
	}()
	for runtime.NumGoroutine() > 1 { // wait, without synchronising
		runtime.Gosched()
	}
	fmt.Println("strong count:", shared.StrongCount()) // reads it on main: a data race
	clone.Drop()
	shared.Drop()
}
