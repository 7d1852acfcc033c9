package arc_test

import (
	"errors"
	"os/exec"
	"testing"

	"github.com/rcbook/rcbook/rctest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestVetReportsCopiedHandles proves the no-copy marker works for arc as
// it does for rc: go vet's copylocks check must report the fixture in
// testdata/vetcopy. testdata is ignored by `go vet ./...`, so the fixture
// is vetted by its own path from the module root.
func TestVetReportsCopiedHandles(t *testing.T) {
	report, err := rctest.RunGo(t, "vet", "./arc/testdata/vetcopy")

	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit),
		"go vet must exit non-zero on the fixture's copies, got err=%v, output:\n%s", err, report)
	assert.Contains(t, report, "assignment copies lock value to b", "b := a is an uncounted Arc")
	assert.Contains(t, report, "assignment copies lock value to v", "v := w is an uncounted Weak")
	assert.Contains(t, report, "show passes lock by value", "a function that takes an Arc by value")
	assert.Contains(t, report, "contains github.com/rcbook/rcbook/internal/rcbox.NoCopy",
		"vet names the no-copy marker as the reason")
}
