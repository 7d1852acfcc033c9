package rcmap_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/rcbook/rcbook/rctest"
)

// TestVetReportsCopiedHandles proves that a Handle's no-copy marker works
// now that handles are values: go vet's copylocks check must report every
// copy in testdata/vetcopy. A copied Handle is a second handle to one
// share of an entry, and releasing both would give up a share that another
// holder counts on, so its entry could be removed and cleaned up under it.
func TestVetReportsCopiedHandles(t *testing.T) {
	report := rctest.Vet(t, "./rcmap/testdata/vetcopy")
	assert.Contains(t, report, "assignment copies lock value to h2",
		"vet must report `h2 := h`: h2 would be a second handle to h's one share")
	assert.Contains(t, report, "hold passes lock by value",
		"vet must report a function that takes a Handle by value")
	assert.Contains(t, report, "call of hold copies lock value",
		"vet must report the call that passes a Handle by value")
	assert.Contains(t, report, "assignment copies lock value to c",
		"vet must report `c := <-ch`: the channel's handle and c would be two")
	assert.Contains(t, report, "assignment copies lock value to d",
		"vet must report `d := m[k]`: the map keeps its handle, and d is a second one")
	assert.Contains(t, report, "call of append copies lock value",
		"vet must report appending a Handle variable to a slice")
	assert.Contains(t, report, "range var k copies lock",
		"vet must report ranging over handles by value")
	assert.Contains(t, report, "contains github.com/rcbook/rcbook/internal/nocopy.NoCopy",
		"vet must name the no-copy marker as the reason")
}
