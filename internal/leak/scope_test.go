//go:build !rcrelease

package leak

import (
	"regexp"
	"runtime"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests track allocations of their own, which only checked builds
// do. Their frames are in internal/, so a report names the first frame
// outside rcbook: testing.tRunner.

var testKind = Kind{What: "test object", Made: "made", Lost: "was never freed"}

// object stands for an allocation the handles point to: its Handle is a
// field of it, as in rc's and arc's box.
type object struct{ h Handle }

// lose arms an object in the calling goroutine's scope and lets it go
// without Stop. It is not inlined, so nothing of it stays on the test's
// stack.
//
//go:noinline
func lose() {
	o := new(object)
	Arm(&o.h, o, &testKind)
}

// keep arms an object and returns it, still reachable.
//
//go:noinline
func keep() *object {
	o := new(object)
	Arm(&o.h, o, &testKind)
	return o
}

var lostLine = regexp.MustCompile(`^test object made at \S+/testing/testing\.go:\d+ \(testing\.tRunner\) was never freed$`)

// tracked turns tracking on for one test.
func tracked(t *testing.T) {
	Track(true)
	t.Cleanup(func() { Track(false) })
}

func TestALostAllocationIsReportedToItsScopeWithItsSite(t *testing.T) {
	tracked(t)
	s := Begin(t.Name())
	lose()
	lines := s.End()
	require.Len(t, lines, 1, "one allocation became unreachable without Stop: one report")
	assert.Regexp(t, lostLine, lines[0],
		"the report reads \"<What> <Made> at file:line (pkg.Func) <Lost>\", naming the function that made it")
}

func TestAFreedOrReachableAllocationIsNotReported(t *testing.T) {
	tracked(t)
	s := Begin(t.Name())
	freed := keep()
	Stop(&freed.h)
	assert.Nil(t, freed.h, "Stop forgets the registration, so a pooled header's next life starts untracked")
	held := keep()
	assert.Empty(t, s.End(), "a freed allocation is no leak, and neither is one still reachable")
	runtime.KeepAlive(held)
	Stop(&held.h)
}

func TestNoteAppendsTheHistoryToTheReport(t *testing.T) {
	tracked(t)
	s := Begin(t.Name())
	func() {
		o := keep()
		Note(&o.h, history("made, cloned, lost"))
	}()
	lines := s.End()
	require.Len(t, lines, 1, "the noted allocation was lost")
	assert.Regexp(t, `was never freed\nmade, cloned, lost$`, lines[0], "the history follows the report on a line of its own")
}

type history string

func (h history) String() string { return string(h) }

func TestALostTokenIsReportedAndABurntOneIsNot(t *testing.T) {
	require.Nil(t, Mint(&testKind), "while nobody tracks, a Token is nil and costs nothing")
	tracked(t)
	s := Begin(t.Name())
	burnt := Mint(&testKind)
	require.NotNil(t, burnt, "while tracking, a handed-out handle carries a Token")
	Burn(&burnt)
	assert.Nil(t, burnt, "Burn leaves the Token nil")
	func() { _ = Mint(&testKind) }()
	lines := s.End()
	require.Len(t, lines, 1, "only the Token that was never burnt is reported")
	assert.Regexp(t, lostLine, lines[0], "a lost handle is reported like a lost allocation")
}

func TestTheInnermostScopeGetsTheAllocations(t *testing.T) {
	tracked(t)
	outer := Begin("outer")
	inner := Begin("inner")
	lose()
	assert.Len(t, inner.End(), 1, "two scopes of one test: the innermost gets the allocation")
	lose()
	assert.Len(t, outer.End(), 1, "once the inner scope ended, the outer one gets the next")
}

func TestAGoroutineTheTestStartedBelongsToTheTestsScope(t *testing.T) {
	tracked(t)
	s := Begin(t.Name())
	var wg sync.WaitGroup
	wg.Go(lose)
	wg.Wait()
	assert.Len(t, s.End(), 1, "an allocation made on a goroutine the test started is reported to the test's scope")
}

func TestAnAllocationOutsideEveryScopeIsThePackages(t *testing.T) {
	tracked(t)
	s := Begin(t.Name())
	s.End()
	lose()
	lines := Package().Collect()
	require.Len(t, lines, 1, "with every scope ended, the allocation belongs to the package scope")
	assert.Regexp(t, lostLine, lines[0], "the package scope reports it the same way")
	assert.Empty(t, Package().Collect(), "a reported leak is forgotten: it is not reported twice")
}
