// Command vetcopy is a fixture for arc/vet_test.go, never built by the
// tests: it copies arc handles in the ways go vet's copylocks check must
// report. A copy shares the allocation without being counted; Clone and
// Move are the only ways to duplicate or hand over a handle.
package main

import "github.com/rcbook/rcbook/arc"

// show takes its handle by value: vet reports the parameter.
func show(a arc.Arc[int]) int { return *a.Get() }

func main() {
	a := arc.New(1)
	b := a // vet reports the assignment: b is an uncounted copy of a
	println(show(b))
	w := arc.Downgrade(&a)
	v := w // and the same for a Weak
	v.Drop()
	a.Drop()
}
