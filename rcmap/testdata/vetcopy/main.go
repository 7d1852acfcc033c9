// Command vetcopy copies rcmap handles on purpose: go vet must report every
// copy (see rcmap's TestVetReportsCopiedHandles). It is never built by
// `go build ./...`: testdata is ignored. A copied Handle is a second handle
// to one share of an entry; releasing both would give up a share someone
// else holds.
package main

import (
	"context"

	"github.com/rcbook/rcbook/rcmap"
)

// hold takes its handle by value: vet reports the parameter.
func hold(h rcmap.Handle[string, int]) { h.Release() }

// fromContainers takes handles out of a channel and a map: neither is a
// call, so vet reports both as copies.
func fromContainers(ch chan rcmap.Handle[string, int], m map[string]rcmap.Handle[string, int]) {
	c := <-ch
	d := m["k"]
	c.Release()
	d.Release()
}

func main() {
	var m rcmap.Map[string, int]
	h, _, _ := m.Acquire(context.Background(), "news", func() (int, error) { return 1, nil })
	h2 := h // a second handle to h's one share
	hold(h2)
	j, _ := m.Join("news")
	kept := []rcmap.Handle[string, int]{}
	kept = append(kept, j) // the slice's handle and j are two
	h.Release()
	for _, k := range kept { // the loop variable is a copy of each handle
		k.Release()
	}
}
