//go:build !rcrelease

package rc_test

import (
	"errors"
	"fmt"

	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

// An uncounted copy outlives the value, but a Weak keeps the allocation:
// the header is dead, not freed. The *invariants.Error records the facts,
// and the message and the rule are worked out from them.
func ExampleRc_Get_outlivedValue() {
	a := rc.New(1)
	stale := rctest.UncountedCopy(&a) // what `stale := a` would make
	w := weak.Downgrade(&a)
	a.Drop() // the last counted strong handle: the value is dropped
	defer func() {
		var err *invariants.Error
		if errors.As(recover().(error), &err) {
			fmt.Printf("facts: Op=%v Header=%+v\n", err.Op, err.Header)
			fmt.Println("rule:", err.Rule())
			fmt.Println(err)
		}
		w.Drop()
	}()
	stale.Get()
	// Output:
	// facts: Op=rc.Get Header={Strong:0 Weak:1 State:dead Gen:0}
	// rule: I2
	// rc: Get: value already dropped: this strong handle outlived its value (was it copied without Clone?) (I2)
}
