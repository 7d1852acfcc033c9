package rc_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rctest"
)

// TestFastPathsAreInlined guards the cost of the handles' common cases.
// Each operation below is inlined into its caller, in checked builds and
// with -tags rcrelease, and several sit just under Go's inlining budget of
// 80 (chapter 11): a few more nodes in one, in its test or in the error it
// builds, would turn every call of it into a call without failing any
// other test. The compiler reports its decisions at the call site with
// -gcflags=-m, and the cost of each function with -m=2. The costs this
// version has (Go 1.26, both builds):
//
//	Clone      79  one test, an increment, a panic in place
//	Drop       78  dropFast, 55, plus the slow path passed as a literal
//	Downgrade  66  like Clone
//	Upgrade    79  two tests, a panic in place, one bare return for "no"
//	Weak.Clone 73  like Clone, and a dangling Weak clones to a dangling one
//	Weak.Drop  78  weakDropFast, 55, plus its slow path passed as a literal
func TestFastPathsAreInlined(t *testing.T) {
	calls := []struct {
		line int
		fn   string // as the compiler names it
	}{
		{11, "rc.(*Rc[go.shape.int]).Clone"},
		{12, "rc.(*Rc[go.shape.int]).Drop"},
		{13, "rc.Downgrade[go.shape.int]"},
		{14, "rc.(*Weak[go.shape.int]).Upgrade"},
		{16, "rc.(*Weak[go.shape.int]).Clone"},
		{17, "rc.(*Weak[go.shape.int]).Drop"},
	}
	for build, tags := range map[string]string{"checked": "", "rcrelease": "rcrelease"} {
		t.Run(build, func(t *testing.T) {
			out, err := rctest.RunGo(t, "build", "-o", "/dev/null", "-tags", tags, "-gcflags=-m=2", "./rc/testdata/inline")
			require.NoError(t, err, "the fixture must build:\n%s", out)
			for _, c := range calls {
				site := fmt.Sprintf("rc/testdata/inline/main.go:%d:", c.line)
				inlined := false
				for line := range strings.Lines(out) {
					if strings.HasPrefix(line, site) && strings.Contains(line, "inlining call to "+c.fn+"\n") {
						inlined = true
					}
				}
				assert.True(t, inlined, "%s must be inlined into its caller at line %d; the compiler says: %s",
					c.fn, c.line, costOf(out, c.fn))
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
