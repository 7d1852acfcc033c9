// Command vetcopy is a fixture for rc/vet_test.go and rc's ExampleRc_vet,
// never built by the tests: it copies rc.Rc handles in the ways go vet's
// copylocks check must report, and in the ways it cannot see. A copy shares
// the allocation without being counted, so the strong count would be wrong;
// Clone and Move are the only ways to duplicate a handle.
package main

import (
	"slices"

	"github.com/rcbook/rcbook/rc"
)

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

// dropAll ranges over handles by value: vet reports the loop variable, a
// copy of each handle.
func dropAll(hs []rc.Rc[int]) {
	for _, h := range hs {
		h.Drop()
	}
}

// keep returns a local handle by value: vet reports the return.
func keep() rc.Rc[int] {
	r := rc.New(2)
	return r
}

// duplicate copies handles in ways vet does not see: copy, append and
// slices.Clone copy whole slices, and each copied handle is as uncounted as
// b above.
func duplicate(hs []rc.Rc[int]) ([]rc.Rc[int], []rc.Rc[int]) {
	dup := make([]rc.Rc[int], len(hs))
	copy(dup, hs)
	return append(dup, hs...), slices.Clone(hs)
}
