package rc_test

import (
	"errors"
	"fmt"

	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rc"
)

// conn stands for any resource that must be closed exactly once.
type conn struct{ name string }

func (c *conn) Close() { fmt.Println("closed", c.name) }

// The cleanup runs when the last owner lets go, not before and not at some
// later garbage collection.
func ExampleNewWithCleanup() {
	a := rc.NewWithCleanup(&conn{"db"}, (*conn).Close)
	b := a.Clone()
	fmt.Println("owners:", a.StrongCount())
	a.Drop()
	fmt.Println("owners:", b.StrongCount())
	b.Drop() // the last owner: the cleanup runs now
	// Output:
	// owners: 2
	// owners: 1
	// closed db
}

// MakeMut copies only when the value is shared (clone on write).
func ExampleRc_MakeMut() {
	a := rc.New([]int{1, 2})
	b := a.Clone()
	clone := func(s []int) []int { return append([]int(nil), s...) }
	p := a.MakeMut(clone) // a is shared, so it gets its own copy first
	*p = append(*p, 3)
	fmt.Println(*a.Get(), *b.Get(), rc.PtrEq(&a, &b))
	a.Drop()
	b.Drop()
	// Output:
	// [1 2 3] [1 2] false
}

// Misuse panics with an *invariants.Error that names the package, the
// operation and, where one is at stake, the invariant.
func ExampleRc_Drop_twice() {
	a := rc.New(1)
	a.Drop()
	defer func() {
		var err *invariants.Error
		if errors.As(recover().(error), &err) {
			fmt.Println(err)
		}
	}()
	a.Drop()
	// Output:
	// rc: Drop: handle already dropped
}
