//go:build rcmutant

package lab

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
