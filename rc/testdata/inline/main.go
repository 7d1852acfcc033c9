// Command inline calls Clone and Drop so that a test can read the
// compiler's inlining decisions at the call site (rc/inline_test.go).
package main

import "github.com/rcbook/rcbook/rc"

func main() {
	r := rc.New(1)
	c := r.Clone()
	c.Drop()
	r.Drop()
}
