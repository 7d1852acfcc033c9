package refcount_test

import (
	"testing"

	"github.com/rcbook/rcbook/rctest"
	"github.com/stretchr/testify/assert"
)

// TestVetReportsCopiedHandles proves the no-copy marker works: go vet's
// copylocks check must report every copy in testdata/vetcopy. A copied Ref
// is a second handle to one counted reference; releasing both would take
// away a reference someone else holds.
func TestVetReportsCopiedHandles(t *testing.T) {
	report := rctest.Vet(t, "./refcount/testdata/vetcopy")
	assert.Contains(t, report, "assignment copies lock value to b",
		"vet must report `b := a` of a Ref")
	assert.Contains(t, report, "assignment copies lock value to y",
		"vet must report `y := x` of an ExclusiveRef")
	assert.Contains(t, report, "hold passes lock by value",
		"vet must report a function that takes a Ref by value")
	assert.Contains(t, report, "contains github.com/rcbook/rcbook/internal/nocopy.NoCopy",
		"vet must name the no-copy marker as the reason")
}
