// Command vetcopy copies refcount handles on purpose: go vet must report
// every copy (see TestVetReportsCopiedHandles). It is never built by
// `go build ./...`: testdata is ignored.
package main

import "github.com/rcbook/rcbook/refcount"

func hold(r refcount.Ref) { r.Release() }

func main() {
	var c refcount.RefCount
	a, _ := c.TryAcquire()
	b := a // a second handle to one counted reference
	hold(b)
	x, _ := c.TryAcquireExclusive()
	y := x
	y.Release()
	a.Release()
}
