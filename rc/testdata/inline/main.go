// Command inline calls every handle operation that has a fast path, one
// per line, so that a test can read the compiler's inlining decisions at
// the call sites (rc/inline_test.go). Keep each call on its line: the test
// names them by line number.
package main

import "github.com/rcbook/rcbook/rc"

func main() {
	r := rc.New(1)
	c := r.Clone()        // line 11
	c.Drop()              // line 12
	w := rc.Downgrade(&r) // line 13
	u, _ := w.Upgrade()   // line 14
	u.Drop()
	v := w.Clone() // line 16
	v.Drop()       // line 17
	w.Drop()
	r.Drop()
}
