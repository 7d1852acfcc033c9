// Command vetcopy is a fixture for rc/vet_test.go, never built by the tests:
// it copies rc.Rc handles in the ways go vet's copylocks check must report.
// A copy shares the allocation without being counted, so the strong count
// would be wrong; Clone and Move are the only ways to duplicate a handle.
package main

import "github.com/rcbook/rcbook/rc"

// show takes its handle by value: vet reports the parameter.
func show(r rc.Rc[int]) int { return *r.Get() }

// fromContainers takes handles out of a channel and a map. Neither
// expression is a call, so vet reports both as copies: the handle in the
// map or the channel is still there, and now there are two.
func fromContainers(ch chan rc.Rc[int], m map[string]rc.Rc[int]) {
	c := <-ch   // vet reports the receive
	d := m["k"] // and the map read
	c.Drop()
	d.Drop()
}

func main() {
	a := rc.New(1)
	b := a // vet reports the assignment: b is an uncounted copy of a
	println(show(b))
	a.Drop()
}
