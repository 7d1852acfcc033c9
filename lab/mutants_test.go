//go:build rcmutant

package lab

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/rcbook/rcbook/internal/faults"
	"github.com/rcbook/rcbook/invariants/model"
	"github.com/rcbook/rcbook/pool"
	"github.com/rcbook/rcbook/properties"
)

// TestEveryMutantIsKilled is the lab's promise: for every deliberate bug,
// both the property tests and the explorer (depth ≤ 8) fail.
func TestEveryMutantIsKilled(t *testing.T) {
	for _, r := range RunMutants(200, 8) {
		assert.True(t, r.RapidFailed, "%s survived the property tests: %s", r.Fault, r.Bug)
		assert.NotNil(t, r.Explored, "%s survived exploration to depth 8: %s", r.Fault, r.Bug)
		if r.Explored != nil {
			t.Logf("%-26s killed at depth %d by %s", r.Fault, r.Depth, r.Rule)
		}
	}
}

// TestEveryMutantIsKilledWithPooledAllocations runs the explorer against
// allocations from a pool of two headers: the pooled harness must catch
// every deliberate bug too, or passing it would prove little about pools.
func TestEveryMutantIsKilledWithPooledAllocations(t *testing.T) {
	defer faults.Set("")
	for _, info := range faults.All {
		faults.Set(info.Fault)
		cfg := Universe
		cfg.Depth = 4
		impl := properties.Pooled{Pool: pool.NewPool[model.Value](2, nil)}
		v := model.Explore(impl, cfg).Violation
		assert.NotNil(t, v, "%s survived exploration of pooled allocations to depth 4: %s", info.Fault, info.Bug)
		if v != nil {
			t.Logf("%-26s killed: %s", info.Fault, v.Problem)
		}
	}
}
