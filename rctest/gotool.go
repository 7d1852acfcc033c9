package rctest

import (
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
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

// InlinedCall is a call a fixture makes that the compiler must inline:
// the fixture's line and the function as the compiler names it, such as
// "rc.(*Rc[go.shape.int]).Clone".
type InlinedCall struct {
	Line int
	Func string
}

// AssertInlined builds fixture (a path from the module root, such as
// "./rc/testdata/inline") with -gcflags=-m=2, in checked builds and with
// -tags rcrelease, and asserts that the compiler inlined each call at its
// line. A call that is not inlined fails with what the compiler said of
// the function's cost.
func AssertInlined(t *testing.T, fixture string, calls []InlinedCall) {
	t.Helper()
	for build, tags := range map[string]string{"checked": "", "rcrelease": "rcrelease"} {
		t.Run(build, func(t *testing.T) {
			out, err := RunGo(t, "build", "-o", "/dev/null", "-tags", tags, "-gcflags=-m=2", fixture)
			require.NoError(t, err, "the fixture must build:\n%s", out)
			for _, c := range calls {
				site := fmt.Sprintf("%s/main.go:%d:", strings.TrimPrefix(fixture, "./"), c.Line)
				inlined := false
				for line := range strings.Lines(out) {
					if strings.HasPrefix(line, site) && strings.Contains(line, "inlining call to "+c.Func+"\n") {
						inlined = true
					}
				}
				assert.True(t, inlined, "%s must be inlined into its caller at line %d; the compiler says: %s",
					c.Func, c.Line, costOf(out, c.Func))
			}
		})
	}
}

// costOf returns what the compiler said about fn's cost.
func costOf(out, fn string) string {
	m := regexp.MustCompile(`(?m)^.*(can|cannot) inline ` + regexp.QuoteMeta(fn) + `(: [^\n]*| with cost \d+)`).FindString(out)
	if m == "" {
		return "nothing"
	}
	return strings.TrimSpace(m)
}
