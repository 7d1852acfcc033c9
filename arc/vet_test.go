package arc_test

import (
	"testing"

	"github.com/rcbook/rcbook/rctest"
	"github.com/stretchr/testify/assert"
)

// TestVetReportsCopiedHandles proves the no-copy marker works for arc as
// it does for rc: go vet's copylocks check must report the fixture in
// testdata/vetcopy. testdata is ignored by `go vet ./...`, so the fixture
// is vetted by its own path from the module root.
func TestVetReportsCopiedHandles(t *testing.T) {
	report := rctest.Vet(t, "./arc/testdata/vetcopy")
	assert.Contains(t, report, "assignment copies lock value to b", "b := a is an uncounted Arc")
	assert.Contains(t, report, "assignment copies lock value to v", "v := w is an uncounted Weak")
	assert.Contains(t, report, "show passes lock by value", "a function that takes an Arc by value")
	assert.Contains(t, report, "contains github.com/rcbook/rcbook/internal/nocopy.NoCopy",
		"vet names the no-copy marker as the reason")
}
