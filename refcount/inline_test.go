package refcount_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rctest"
)

// TestSharedPathIsInlined guards the cost of a shared reference taken and
// given back with nobody else around: each operation below is inlined into
// its caller, in checked builds and with -tags rcrelease, so that it costs
// what sync.RWMutex's RLock and RUnlock cost. Each sits just under Go's
// inlining budget of 80 (fast.go): a few more nodes would turn every call
// into a call. The costs this version has (Go 1.26, checked / rcrelease):
//
//	Acquire     79 / 71  acquireFast 70, its slow path a method expression
//	TryAcquire  77 / 69  tryAcquireFast 69
//	Ref.Release 79 / 77  releaseFast 76
func TestSharedPathIsInlined(t *testing.T) {
	calls := []struct {
		line int
		fn   string // as the compiler names it
	}{
		{15, "refcount.(*RefCount).Acquire"},
		{19, "refcount.(*Ref).Release"},
		{20, "refcount.(*RefCount).TryAcquire"},
	}
	for build, tags := range map[string]string{"checked": "", "rcrelease": "rcrelease"} {
		t.Run(build, func(t *testing.T) {
			out, err := rctest.RunGo(t, "build", "-o", "/dev/null", "-tags", tags, "-gcflags=-m=2", "./refcount/testdata/inline")
			require.NoError(t, err, "the fixture must build:\n%s", out)
			for _, c := range calls {
				site := fmt.Sprintf("refcount/testdata/inline/main.go:%d:", c.line)
				inlined := false
				for line := range strings.Lines(out) {
					if strings.HasPrefix(line, site) && strings.Contains(line, "inlining call to "+c.fn+"\n") {
						inlined = true
					}
				}
				cost := regexp.MustCompile(`(?m)^.*(can|cannot) inline ` + regexp.QuoteMeta(c.fn) + `(: [^\n]*| with cost \d+)`).FindString(out)
				assert.True(t, inlined, "%s must be inlined into its caller at line %d; the compiler says: %s",
					c.fn, c.line, cost)
			}
		})
	}
}
