// Command vetcopy is a fixture for rc/vet_test.go, never built by the tests:
// it copies rc.Rc handles in the ways go vet's copylocks check must report.
// A copy shares the allocation without being counted, so the strong count
// would be wrong; Clone and Move are the only ways to duplicate a handle.
package main

import "github.com/rcbook/rcbook/rc"

// show takes its handle by value: vet reports the parameter.
func show(r rc.Rc[int]) int { return *r.Get() }

func main() {
	a := rc.New(1)
	b := a // vet reports the assignment: b is an uncounted copy of a
	println(show(b))
	a.Drop()
}
