//go:build cgo

package lifetimes_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/examples/lifetimes"
)

// A C library keeps a handle to a Go value that two Go owners share. The
// handle survives the first Drop and is deleted by the last: C reaches the
// value until then, and holds nothing after.
func ExampleAttach() {
	session := lifetimes.Attach("session 42")
	worker := session.Clone() // a second Go owner, with a lifetime of its own

	v, _ := lifetimes.Fire()
	fmt.Println("C calls back with:", v)
	session.Drop()
	v, _ = lifetimes.Fire()
	fmt.Println("after one Drop:", v)
	worker.Drop() // the last owner: C forgets the handle, and it is deleted
	_, ok := lifetimes.Fire()
	fmt.Println("after the last Drop, C holds a handle:", ok)
	// Output:
	// C calls back with: session 42
	// after one Drop: session 42
	// after the last Drop, C holds a handle: false
}

func TestTheLastDropDeletesTheHandle(t *testing.T) {
	r := lifetimes.Attach(42)
	h := *r.Get() // a copy of the integer, as C keeps one
	require.Equal(t, 42, h.Value())
	r.Drop()
	assert.PanicsWithValue(t, "runtime/cgo: misuse of an invalid Handle", func() { h.Value() },
		"after the last owner, the handle is gone from the runtime's table: no leak")
}
