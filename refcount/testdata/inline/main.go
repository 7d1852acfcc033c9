// Command inline takes and gives back a shared reference, one operation
// per line, so that a test can read the compiler's inlining decisions at
// the call sites (refcount/inline_test.go). Keep each call on its line:
// the test names them by line number.
package main

import (
	"context"

	"github.com/rcbook/rcbook/refcount"
)

func main() {
	var c refcount.RefCount
	r, err := c.Acquire(context.Background()) // line 15
	if err != nil {
		panic(err)
	}
	r.Release()             // line 19
	t, ok := c.TryAcquire() // line 20
	if ok {
		t.Release()
	}
}
