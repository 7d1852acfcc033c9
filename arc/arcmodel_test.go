package arc_test

import (
	"os/exec"
	"testing"

	"github.com/stretchr/testify/assert"
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

// TestOverflowIsLeftOutOfTheComparisonWithRust is rcbook's one deliberate
// difference the explorer meets: at a count's maximum Rust's Arc aborts
// the process, arc refuses the increment (I1). With the overflow probe the
// explorer runs those sequences itself, and they pass; Rust cannot take
// the probe, so they are left out of the comparison, and every other
// sequence agrees with std::sync::Arc.
func TestOverflowIsLeftOutOfTheComparisonWithRust(t *testing.T) {
	if testing.Short() {
		t.Skip("compares with Rust's std: skipped with -short")
	}
	if _, err := exec.LookPath("rustc"); err != nil {
		t.Skip("rustc is not on PATH")
	}
	bin, _, err := lab.BuildRust()
	require.NoError(t, err)
	run, div, err := lab.CompareExplored(bin, lab.RustFamily{Name: "arc", Rust: "arc", Impl: probed{}}, 3)
	require.NoError(t, err)
	require.Nil(t, div, "%v", div)
	assert.Positive(t, run.LeftOut, "the sequences with the overflow probe are left out")
	assert.Positive(t, run.Sequences, "the others are compared")
}
