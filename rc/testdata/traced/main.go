// Command traced makes two mistakes and prints what rcbook says about them
// when it is built with -tags rctrace: an Rc dropped twice, and an arc
// allocation lost while a clone still held it. Built without the tag it
// prints the first line of each, and no history.
package main

import (
	"fmt"

	"github.com/rcbook/rcbook/arc"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

func main() {
	config := rc.New("config")
	reader := config.Clone()
	reader.Drop()
	config.Drop()
	fmt.Println(dropAgain(&config))

	for _, report := range rctest.Leaks(loseAClone) {
		fmt.Println(report)
	}
}

// dropAgain drops r, which was dropped already, and returns the refusal.
func dropAgain(r *rc.Rc[string]) (err error) {
	defer func() { err, _ = recover().(error) }()
	r.Drop()
	return nil
}

// loseAClone makes an allocation, clones the handle, and loses the clone.
func loseAClone() {
	counter := arc.New(0)
	worker := counter.Clone()
	counter.Drop()
	_ = worker.StrongCount() // worker is lost without Drop
}
