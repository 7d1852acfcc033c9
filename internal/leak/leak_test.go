package leak

import (
	"regexp"
	"runtime"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTrackingRequestsNest(t *testing.T) {
	require.False(t, On(), "nobody asked: tracking is off")
	Track(true)
	Track(true)
	assert.True(t, On(), "two requests: on")
	Track(false)
	assert.True(t, On(), "one request given back, one still held: still on")
	Track(false)
	assert.False(t, On(), "every request given back: off again")
}

func TestShortFuncKeepsThePackageAndTheFunction(t *testing.T) {
	assert.Equal(t, "rctest.TestLeak", shortFunc("github.com/rcbook/rcbook/rctest.TestLeak"),
		"a report names the function as pkg.Func, without the module path")
	assert.Equal(t, "main.main", shortFunc("main.main"), "a name without a path is kept whole")
}

func TestInternalFramesAreRcbooksHandlesAndHarness(t *testing.T) {
	for _, fn := range []string{
		"github.com/rcbook/rcbook/rc.New[...]",
		"github.com/rcbook/rcbook/arc.(*Arc[...]).Clone",
		"github.com/rcbook/rcbook/refcount.(*RefCount).Acquire",
		"github.com/rcbook/rcbook/internal/leak.Arm[...]",
		"github.com/rcbook/rcbook/invariants/model.(*Machine).Step",
		"github.com/rcbook/rcbook/lab.Run",
	} {
		assert.True(t, internalFrame(fn), "%s allocates on someone else's behalf: the report skips it", fn)
	}
	for _, fn := range []string{
		"github.com/rcbook/rcbook/rctest.TestLeak",
		"github.com/rcbook/rcbook/tree_example.NewTree",
		"example.com/user/app.main",
		"testing.tRunner",
	} {
		assert.False(t, internalFrame(fn), "%s is the user's code: the report names it", fn)
	}
}

// siteReport matches describe's answer for a site whose first frame
// outside rcbook's packages is the testing package's tRunner: this test
// file is in internal/, so its own frames are skipped.
var siteReport = regexp.MustCompile(`^\S+/testing/testing\.go:\d+ \(testing\.tRunner\)$`)

func TestDescribeNamesTheFirstCallerOutsideRcbook(t *testing.T) {
	var s site
	runtime.Callers(1, s[:])
	assert.Regexp(t, siteReport, describe(s),
		"the site is file:line (pkg.Func) of the first frame outside rcbook's handle packages")
	assert.Equal(t, "an unknown site", describe(site{}),
		"a site with no frame outside rcbook is said to be unknown, not left empty")
}

func TestGoroutineReadsItsOwnIdAndItsParents(t *testing.T) {
	id, _ := goroutine()
	require.NotZero(t, id, "the calling goroutine's id is read from its stack trace")
	var child, parent uint64
	var wg sync.WaitGroup
	wg.Go(func() { child, parent = goroutine() })
	wg.Wait()
	assert.NotZero(t, child, "a started goroutine has an id of its own")
	assert.NotEqual(t, id, child, "ids are never shared")
	assert.Equal(t, id, parent, "the parent is the goroutine that ran the go statement")
}

func TestTestFuncFindsTheTestAtTheBottomOfTheStack(t *testing.T) {
	var pcs frames
	got := testFunc(pcs[:runtime.Callers(1, pcs[:])])
	f := runtime.FuncForPC(got)
	require.NotNil(t, f, "a test's goroutine has a test function at the bottom of its stack")
	assert.Equal(t, "github.com/rcbook/rcbook/internal/leak.TestTestFuncFindsTheTestAtTheBottomOfTheStack", f.Name(),
		"the scope of an allocation is found by the test function that runs it")
	assert.Equal(t, f.Entry(), got, "the test is identified by its entry PC, the same from every line")

	var fromGoroutine uintptr
	var wg sync.WaitGroup
	wg.Go(func() {
		var pcs frames
		fromGoroutine = testFunc(pcs[:runtime.Callers(1, pcs[:])])
	})
	wg.Wait()
	assert.Zero(t, fromGoroutine, "a goroutine the test started has no tRunner below it: no test function")
	assert.Zero(t, testFunc(pcs[:2]), "a stack too short to hold goexit, tRunner and a test is not a test's")
	assert.Zero(t, testFunc(pcs[:]), "a stack that filled the buffer may have lost its bottom: not trusted")
}
