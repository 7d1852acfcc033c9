// Command racy shares one Rc between two goroutines, which rc does not
// allow: its counts are plain integers, like Rust's Rc, which is neither
// Send nor Sync. Run under the race detector it must be reported.
package main

import (
	"fmt"
	"sync"

	"github.com/rcbook/rcbook/rc"
)

func main() {
	shared := rc.New(0)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 1000 {
				c := shared.Clone() // both goroutines write the same strong count
				c.Drop()
			}
		}()
	}
	wg.Wait()
	fmt.Println("strong count:", shared.StrongCount())
	shared.Drop()
}
