package rc_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/rcbook/rcbook/invariants/model"
	"github.com/rcbook/rcbook/invariants/model/modeltest"
	"github.com/rcbook/rcbook/lab"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

// The model-based tests: package rc driven through random operation
// sequences (rapid) and through every sequence up to a depth (the
// explorer), each step compared with the reference model in
// invariants/model. The verification lab runs these same tests against
// each deliberately broken variant of the package (lab/mutants_rc.go), so
// every test here must fail when a rule is broken.

// probed is lab.Rc with the overflow probe: it reaches the header's raw
// counts, which only this package's tests may set (export_test.go).
type probed struct{ lab.Rc }

var _ model.CountSetter = probed{}

func (probed) RawCounts(s model.Strong) (strong, weak int) {
	h, _ := lab.RcOf(s).Observe().Header()
	return h.Strong, h.Weak
}

func (probed) SetRawCounts(s model.Strong, strong, weak int) {
	rc.SetRawCounts(lab.RcOf(s), strong, weak)
}

// exploreDepth is how deep TestExplore and TestExplorePooled go: 4 by
// default, or RCBOOK_EXPLORE_DEPTH (the lab explores its mutants deeper).
func exploreDepth(t *testing.T) int {
	if s := os.Getenv("RCBOOK_EXPLORE_DEPTH"); s != "" {
		d, err := strconv.Atoi(s)
		require.NoError(t, err, "RCBOOK_EXPLORE_DEPTH must be a number")
		return d
	}
	return 4
}

// TestModel runs the model's rapid state machine against rc.
func TestModel(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	modeltest.Check(t, probed{})
}

// FuzzModel is the same property driven by Go's coverage-guided fuzzer.
func FuzzModel(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(modeltest.Machine(probed{})))
}

// TestExplore runs every operation sequence up to the depth over a small
// universe (3 allocations, 4 handles each) against rc: no violation may be
// found.
func TestExplore(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	depth := exploreDepth(t)
	res := modeltest.Explore(t, probed{}, model.ExploreConfig{Depth: depth, MaxAllocs: 3, MaxHandles: 4})
	require.Equal(t, depth, res.Depth, "the explorer stops early only at a violation")
	t.Logf("explore: %d states, %d sequences, depth %d", res.States, res.Sequences, res.Depth)
}

// TestModelPooled runs the state machine against allocations from a pool
// of two headers, shared by every run, so headers are reused across runs
// and within them. The model does not know about pools: a pooled Rc must be
// indistinguishable from rc.New's.
func TestModelPooled(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	p := rc.NewPool[model.Value](2, nil)
	modeltest.Check(t, probed{lab.Rc{Pool: p}})
	require.LessOrEqual(t, p.Size(), p.MaxSize(), "a pool never holds more than its maximum")
	require.Positive(t, p.Size(), "every run frees its allocations, so the pool must have taken some back")
}

// TestExplorePooled is TestExplore with pooled allocations.
func TestExplorePooled(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	p := rc.NewPool[model.Value](2, nil)
	depth := exploreDepth(t)
	res := modeltest.Explore(t, probed{lab.Rc{Pool: p}}, model.ExploreConfig{Depth: depth, MaxAllocs: 3, MaxHandles: 4})
	require.Equal(t, depth, res.Depth, "the explorer stops early only at a violation")
	require.Equal(t, 2, p.Size(), "after the last sequence frees everything, the pool is full again")
}

// TestFuzzRegressionAllActionsSkipped replays the fuzzer's input in
// testdata/fuzz/FuzzModel/regression-all-actions-skipped (go test also runs
// it as part of FuzzModel's corpus). It chooses "drop" over and over while
// no strong handle exists; the harness used to skip each of those actions,
// and rapid gave up on the run with "can't find a valid (non-skipped)
// action". Now an action that needs a handle makes one instead.
func TestFuzzRegressionAllActionsSkipped(t *testing.T) {
	raw, err := os.ReadFile("testdata/fuzz/FuzzModel/regression-all-actions-skipped")
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	require.Equal(t, "go test fuzz v1", lines[0])
	quoted := strings.TrimSuffix(strings.TrimPrefix(lines[1], "[]byte("), ")")
	input, err := strconv.Unquote(quoted)
	require.NoError(t, err)
	rapid.MakeFuzz(modeltest.Machine(probed{}))(t, []byte(input))
}
