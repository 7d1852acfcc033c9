package rc_test

import (
	"fmt"

	"github.com/rcbook/rcbook/rc"
)

// A handle prints its value with %v and its counts and state with %+v;
// pass a pointer, so that printing does not copy the handle. A handle that
// holds nothing says why, and printing never panics.
func ExampleRc_Format() {
	r := rc.New([]string{"a", "b"})
	s := r.Clone()
	w := rc.Downgrade(&r)
	fmt.Printf("%v\n", &r)
	fmt.Printf("%+v\n", &r)
	fmt.Printf("%v %+v\n", &w, &w)
	r.Drop()
	s.Drop()
	fmt.Printf("%v %+v\n", &r, &w)
	w.Drop()
	// Output:
	// [a b]
	// rc.Rc{strong: 2, weak: 1, state: alive, value: [a b]}
	// <rc.Weak: alive> rc.Weak{strong: 2, weak: 1, state: alive}
	// <rc.Rc: dropped> rc.Weak{strong: 0, weak: 1, state: dead}
}

// UnwrapOrClone takes the value from its only owner, and copies it for any
// other.
func ExampleRc_UnwrapOrClone() {
	clone := func(s []int) []int { fmt.Println("copying"); return append([]int(nil), s...) }
	r := rc.New([]int{1, 2})
	s := r.Clone()
	mine := r.UnwrapOrClone(clone) // s still owns the value: copy
	last := s.UnwrapOrClone(clone) // s is the only owner: no copy
	fmt.Println(mine, last)
	// Output:
	// copying
	// [1 2] [1 2]
}

// A token carries a strong unit where no Rc can go, such as a C library's
// user data: an integer, which cgo lets C keep. examples/cgotoken has C
// call back into Go with one.
func ExampleFromRaw() {
	r := rc.NewWithCleanup("session", func(s string) { fmt.Println("closed", s) })
	tok := r.IntoRaw()                   // r's unit is the token's now
	rc.IncrementStrongCount[string](tok) // a second unit, for a second C owner
	h := rc.FromRaw[string](tok)         // one unit back as a handle
	fmt.Println(*h.Get(), "strong:", h.StrongCount())
	h.Drop()
	rc.DecrementStrongCount[string](tok) // the last unit: the cleanup runs
	// Output:
	// session strong: 2
	// closed session
}
