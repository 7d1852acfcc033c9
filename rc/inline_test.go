package rc_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rctest"
)

// TestCloneIsInlined guards the fast path's cost. Clone sits one node under
// Go's inlining budget (cost 79 of 80, chapter 11): two extra nodes in it,
// in tryIncStrongFast or in the error it builds, would turn every Clone
// into a call without failing any other test. The compiler reports its
// decisions at the call site with -gcflags=-m.
func TestCloneIsInlined(t *testing.T) {
	out, err := rctest.RunGo(t, "build", "-o", "/dev/null", "-gcflags=-m", "./rc/testdata/inline")
	require.NoError(t, err, "the fixture must build:\n%s", out)
	var about []string // the compiler's lines about Clone, for the failure message
	for line := range strings.Lines(out) {
		if strings.Contains(line, ").Clone") {
			about = append(about, strings.TrimSpace(line))
		}
	}
	assert.Contains(t, about, "rc/testdata/inline/main.go:9:14: inlining call to rc.(*Rc[go.shape.int]).Clone",
		"Clone must be inlined into its caller; go build -o /dev/null -gcflags=-m=2 ./rc/testdata/inline shows its cost")
}
