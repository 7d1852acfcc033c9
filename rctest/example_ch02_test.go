//go:build !rcrelease

package rctest_test

import (
	"errors"
	"fmt"

	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

// A copy made without Clone is not counted. When the counted handle drops,
// the allocation is freed and its header poisoned, so the copy is refused
// instead of reading a value the garbage collector kept in memory for it.
func ExampleUncountedCopy() {
	a := rc.New("secret")
	stale := rctest.UncountedCopy(&a) // what `stale := a` would make
	a.Drop()                          // strong 1 → 0: value dropped, allocation freed
	defer func() {
		var err *invariants.Error
		if errors.As(recover().(error), &err) {
			fmt.Println(err)
			fmt.Printf("header: %+v\n", err.Header)
		}
	}()
	stale.Get()
	// Output:
	// rc: Get: use after free (I5)
	// header: {Strong:0 Weak:0 State:freed Gen:0}
}
