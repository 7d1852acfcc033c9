package rc_test

import (
	"testing"

	"github.com/rcbook/rcbook/rctest"
	"github.com/stretchr/testify/assert"
)

// TestVetReportsCopiedHandles proves the no-copy marker works: go vet's
// copylocks check must report the fixture in testdata/vetcopy, which copies
// an rc.Rc with `b := a`, passes one to a function by value, and takes one
// out of a channel and out of a map. An uncounted copy would share the
// allocation behind the strong count's back.
//
// testdata is ignored by `go vet ./...`, so the fixture is vetted by its own
// path from the module root; it is inside the main module, so it can import
// package rc without a go.mod of its own.
func TestVetReportsCopiedHandles(t *testing.T) {
	report := rctest.Vet(t, "./rc/testdata/vetcopy")
	assert.Contains(t, report, "assignment copies lock value to b",
		"vet must report `b := a`: b would be a second, uncounted handle")
	assert.Contains(t, report, "show passes lock by value",
		"vet must report a function that takes an Rc by value")
	assert.Contains(t, report, "call of show copies lock value",
		"vet must report the call that passes an Rc by value")
	assert.Contains(t, report, "assignment copies lock value to c",
		"vet must report `c := <-ch`: the receive is not a call, so it is a copy")
	assert.Contains(t, report, "assignment copies lock value to d",
		"vet must report `d := m[k]`: the map keeps its handle, and d is a second one")
	assert.Contains(t, report, "contains github.com/rcbook/rcbook/internal/nocopy.NoCopy",
		"vet must name the no-copy marker as the reason")
}
