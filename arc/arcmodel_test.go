package arc_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/rcbook/rcbook/arc"
	"github.com/rcbook/rcbook/invariants/model"
	"github.com/rcbook/rcbook/invariants/model/modeltest"
	"github.com/rcbook/rcbook/lab"
)

// probed is lab.Arc, package arc seen through model.Impl, with the overflow
// probe: it reaches the atomic counts, which only this package's tests may
// set (export_test.go). The harness is sequential: it checks that Arc and
// Weak keep every rule rc and weak keep, one operation at a time. The
// concurrent behaviour is checked by stress_test.go and
// linearizability_test.go.
type probed struct{ lab.Arc }

var _ model.CountSetter = probed{}

// RawCounts and SetRawCounts let the harness's overflow probe put a count
// at its maximum (I1). The raw weak count includes the implicit weak.
func (probed) RawCounts(s model.Strong) (strong, weak int) { return arc.RawCounts(lab.ArcOf(s)) }

func (probed) SetRawCounts(s model.Strong, strong, weak int) {
	arc.SetRawCounts(lab.ArcOf(s), strong, weak)
}

// TestModel runs rcbook's state machine, unchanged, against arc: random
// sequences of every operation, compared with the reference model after
// each step, the overflow probe included.
func TestModel(t *testing.T) {
	modeltest.Check(t, probed{})
}

// FuzzModel is the same property driven by Go's coverage-guided fuzzer.
func FuzzModel(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(modeltest.Machine(probed{})))
}

// TestExplore runs every operation sequence up to depth 5 over three
// allocations of up to four handles each: no violation may be found.
func TestExplore(t *testing.T) {
	if testing.Short() {
		t.Skip("exhaustive exploration: skipped with -short")
	}
	res := modeltest.Explore(t, probed{}, model.ExploreConfig{Depth: 5, MaxAllocs: 3, MaxHandles: 4})
	require.Equal(t, 5, res.Depth, "the explorer stops early only at a violation")
	t.Logf("explore: %d states, %d sequences, depth %d", res.States, res.Sequences, res.Depth)
}
