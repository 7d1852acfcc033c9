// Command vetcopy is a fixture for cell/vet_test.go, never built by the
// tests: it copies a borrow guard and a RefCell in the ways go vet's
// copylocks check must report. A copied guard would release one borrow
// twice; a copied RefCell would be a second borrow flag for one value.
package main

import "github.com/rcbook/rcbook/cell"

func main() {
	c := cell.New(1)
	g := c.Borrow()
	h := g // vet reports it: h and g would both release the one borrow
	h.Release()
	d := c // vet reports it: d counts its own borrows of a copy of the value
	_ = d.Borrows
}
