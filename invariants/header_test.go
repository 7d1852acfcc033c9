package invariants_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/rcbook/rcbook/invariants"
)

const maxCount = invariants.MaxCount

// countPairs are the (Strong, Weak) columns of the Consistent table below.
var countPairs = [...]struct{ strong, weak int }{
	{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {2, 2},
	{maxCount, 1}, {0, maxCount}, {-1, 0}, {0, -1}, {-1, 1}, {1, -1},
}

// T and F keep the expectation matrix readable.
const T, F = true, false

// TestConsistent checks Header.Consistent against the rules written in
// header.go, for every State (including the invalid zero State) and a set of
// representative count pairs. Each row spells out its expectations by hand:
//
//	alive:                  Strong ≥ 1 and Weak ≥ 1
//	uninit, dropping, dead: Strong == 0 and Weak ≥ 1
//	freed:                  Strong == 0 and Weak == 0
//	any negative count, or the zero State: never consistent
func TestConsistent(t *testing.T) {
	rows := []struct {
		state invariants.State
		rule  string
		want  [len(countPairs)]bool
	}{
		// columns:       0/0 0/1 0/2 1/0 1/1 2/2 Max/1 0/Max -1/0 0/-1 -1/1 1/-1
		{invariants.State(0), "the zero State is no valid state, so no counts fit it",
			[len(countPairs)]bool{F, F, F, F, F, F, F, F, F, F, F, F}},
		{invariants.Uninit, "uninit needs Strong == 0 and Weak ≥ 1 (I2, I3)",
			[len(countPairs)]bool{F, T, T, F, F, F, F, T, F, F, F, F}},
		{invariants.Alive, "alive needs Strong ≥ 1 (I2) and Weak ≥ 1 (I4, the implicit weak)",
			[len(countPairs)]bool{F, F, F, F, T, T, T, F, F, F, F, F}},
		{invariants.Dropping, "dropping needs Strong == 0 and Weak ≥ 1 (I2, I3)",
			[len(countPairs)]bool{F, T, T, F, F, F, F, T, F, F, F, F}},
		{invariants.Dead, "dead needs Strong == 0 and Weak ≥ 1 (I2, I3)",
			[len(countPairs)]bool{F, T, T, F, F, F, F, T, F, F, F, F}},
		{invariants.Freed, "freed needs Strong == 0 and Weak == 0 (I3, I5)",
			[len(countPairs)]bool{T, F, F, F, F, F, F, F, F, F, F, F}},
	}

	// The rows must cover every State: the one after Freed has no name.
	assert.Equal(t, "State(6)", (invariants.Freed + 1).String(),
		"a State after Freed exists; add a row for it to this table")

	for _, row := range rows {
		t.Run(row.state.String(), func(t *testing.T) {
			for i, p := range countPairs {
				h := invariants.Header{Strong: p.strong, Weak: p.weak, State: row.state}
				assert.Equalf(t, row.want[i], h.Consistent(),
					"Header{Strong: %d, Weak: %d, State: %s}.Consistent() should be %v: %s",
					p.strong, p.weak, row.state, row.want[i], row.rule)
			}
		})
	}
}

// TestUsable checks StrongUsable (value alive and header consistent) and
// WeakUsable (allocation not freed and header consistent) on a few headers.
func TestUsable(t *testing.T) {
	rows := []struct {
		h            invariants.Header
		strong, weak bool
		why          string
	}{
		{invariants.Header{Strong: 1, Weak: 1, State: invariants.Alive}, T, T,
			"a live value with its implicit weak may be used by both kinds of handle"},
		{invariants.Header{Strong: 3, Weak: 2, State: invariants.Alive}, T, T,
			"several strong and weak handles on a live value are fine"},
		{invariants.Header{Strong: 0, Weak: 1, State: invariants.Alive}, F, F,
			"alive with Strong 0 breaks I2, so nobody may use it"},
		{invariants.Header{Strong: 1, Weak: 0, State: invariants.Alive}, F, F,
			"alive without the implicit weak breaks I4, so nobody may use it"},
		{invariants.Header{Strong: 0, Weak: 1, State: invariants.Uninit}, F, T,
			"during NewCyclic only Weaks exist; the value is not alive yet"},
		{invariants.Header{Strong: 0, Weak: 1, State: invariants.Dropping}, F, T,
			"while the destructor runs, Weaks may look (and fail to upgrade)"},
		{invariants.Header{Strong: 0, Weak: 2, State: invariants.Dead}, F, T,
			"after the value is dropped, Weaks still keep the allocation"},
		{invariants.Header{Strong: 0, Weak: 0, State: invariants.Freed}, F, F,
			"a freed allocation must never be touched again (I5)"},
		{invariants.Header{Strong: 1, Weak: 1, State: invariants.State(0)}, F, F,
			"the zero State means the header was never initialized"},
		{invariants.Header{Strong: -1, Weak: 1, State: invariants.Dead}, F, F,
			"a negative count is never usable (I1)"},
	}
	for _, row := range rows {
		h := row.h
		assert.Equalf(t, row.strong, h.StrongUsable(),
			"%+v StrongUsable() should be %v: %s", h, row.strong, row.why)
		assert.Equalf(t, row.weak, h.WeakUsable(),
			"%+v WeakUsable() should be %v: %s", h, row.weak, row.why)
	}
}

// TestStateString checks the names that headers print in error messages.
func TestStateString(t *testing.T) {
	want := map[invariants.State]string{
		invariants.State(0):  "invalid",
		invariants.Uninit:    "uninit",
		invariants.Alive:     "alive",
		invariants.Dropping:  "dropping",
		invariants.Dead:      "dead",
		invariants.Freed:     "freed",
		invariants.State(42): "State(42)",
	}
	for s, name := range want {
		assert.Equalf(t, name, s.String(),
			"State(%d) should print as %q in the book's vocabulary", uint8(s), name)
	}
}
