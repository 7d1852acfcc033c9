package cell_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/rcbook/rcbook/rctest"
)

// TestVetReportsCopiedGuardsAndCells proves the no-copy marker works for
// cells too: go vet must report the copies in testdata/vetcopy.
func TestVetReportsCopiedGuardsAndCells(t *testing.T) {
	report := rctest.Vet(t, "./cell/testdata/vetcopy")
	assert.Contains(t, report, "assignment copies lock value to h",
		"vet must report `h := g`: two guards for one borrow would release it twice")
	assert.Contains(t, report, "assignment copies lock value to d",
		"vet must report `d := c`: a second borrow flag for one value")
}
