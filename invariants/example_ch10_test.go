//go:build !rcrelease

package invariants_test

import (
	"errors"
	"fmt"

	"github.com/rcbook/rcbook/cell"
	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

// explain runs misuse, which panics, recovers the *invariants.Error with
// errors.As, and prints the message, then the facts it was worked out
// from: the operation, the rule, and the header as the operation found it
// (or what stands in for it).
func explain(misuse func()) {
	defer func() {
		var err *invariants.Error
		if !errors.As(recover().(error), &err) {
			fmt.Println("not an *invariants.Error")
			return
		}
		fmt.Println(err)
		fmt.Printf("  Op=%v Rule()=%q", err.Op, err.Rule())
		switch {
		case err.Empty: // the handle held no allocation, so there is no header
			fmt.Println(" Empty=true")
		case err.Detail != "": // a misuse the header cannot show (package cell's)
			fmt.Printf(" Detail=%q\n", err.Detail)
		default:
			fmt.Printf(" After=%v Header=%+v\n", err.After, err.Header)
		}
	}()
	misuse()
}

// Four panics a program using rc, weak and cell can meet, read field by
// field. Rule() is "" for a plain misuse of one handle; otherwise it names
// the rule the refused operation would have broken. The header is a copy
// taken when the operation was refused, so it shows the counts and the
// state that made the check say no.
func ExampleError() {
	explain(func() { // a handle dropped twice
		a := rc.New("report")
		a.Drop()
		a.Drop()
	})
	explain(func() { // a copy made without Clone, used after the last Drop
		a := rc.New("report")
		stale := rctest.UncountedCopy(&a) // what `stale := a` would make
		a.Drop()
		stale.Get()
	})
	explain(func() { // a Weak copied without Clone, and both copies dropped
		a := rc.New("report")
		defer a.Drop()
		w := weak.Downgrade(&a)
		stale := rctest.UncountedCopy(&w)
		w.Drop()
		stale.Drop()
	})
	explain(func() { // a RefCell read while a writer holds it
		c := cell.New(1)
		m := c.BorrowMut()
		defer m.Release()
		c.Borrow()
	})
	// Output:
	// rc: Drop: handle already dropped
	//   Op=rc.Drop Rule()="" Empty=true
	// rc: Get: use after free (I5)
	//   Op=rc.Get Rule()="I5" After=false Header={Strong:0 Weak:0 State:freed Gen:0}
	// rc: Weak.Drop: no Weak left to drop: the last weak unit is the implicit weak, owned by the strong handles (was this Weak copied without Clone?) (I4)
	//   Op=rc.Weak.Drop Rule()="I4" After=false Header={Strong:1 Weak:1 State:alive Gen:0}
	// cell: Borrow: already mutably borrowed: a RefMut is live (B1)
	//   Op=cell.Borrow Rule()="B1" Detail="already mutably borrowed: a RefMut is live"
}
