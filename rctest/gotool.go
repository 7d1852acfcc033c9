package rctest

import (
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// RunGo runs the go command with args from the module root and returns its
// combined output and error, for tests that vet a fixture or build a small
// program (testdata is outside ./..., so fixtures are named by path). It
// skips the test under -short, or when go is not on PATH.
func RunGo(t testing.TB, args ...string) (string, error) {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the go command: skipped with -short")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	gomod, err := exec.Command(goTool, "env", "GOMOD").Output()
	require.NoError(t, err, "go env GOMOD must name this module's go.mod")
	cmd := exec.Command(goTool, args...)
	cmd.Dir = filepath.Dir(strings.TrimSpace(string(gomod)))
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// Vet runs go vet on a fixture package (a path from the module root, such
// as "./rc/testdata/vetcopy"), requires vet to reject it, and returns its
// report for the caller to check what was reported.
func Vet(t testing.TB, fixture string) string {
	t.Helper()
	report, err := RunGo(t, "vet", fixture)
	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit),
		"go vet must exit non-zero on the fixture's copies, got err=%v, output:\n%s", err, report)
	return report
}
