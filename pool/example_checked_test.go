//go:build !rcrelease

package pool_test

import (
	"errors"
	"fmt"

	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/pool"
	"github.com/rcbook/rcbook/rctest"
)

// A handle copied without Clone outlives its allocation, and the pool gives
// the header to someone else. The header's generation has moved on, so the
// stale handle is refused instead of reading b's value. (The check is
// compiled out with -tags rcrelease, so this example is not built there.)
func ExampleNew_staleHandle() {
	p := pool.NewPool[string](1, nil)
	a := pool.New(p, "a")
	stale := rctest.UncountedCopy(&a) // what `stale := a` would do
	a.Drop()                          // the header returns to the pool
	b := pool.New(p, "b")             // and is reused, for b
	func() {
		defer func() {
			var err *invariants.Error
			if errors.As(recover().(error), &err) {
				fmt.Println(err)
			}
		}()
		stale.Get()
	}()
	fmt.Println(*b.Get())
	b.Drop()
	// Output:
	// rc: Get: use after free: the allocation was freed and its pool reused the header (handle generation 1, header generation 2) (I5)
	// b
}
