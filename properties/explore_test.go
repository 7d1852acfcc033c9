package properties

import (
	"testing"

	"github.com/rcbook/rcbook/rctest"

	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/invariants/model"
)

// TestExplore runs every operation sequence up to depth 4 over a small
// universe against rc and weak: no violation may be found.
func TestExplore(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	res := model.Explore(Impl{}, model.ExploreConfig{Depth: 4, MaxAllocs: 3, MaxHandles: 4})
	require.Nil(t, res.Violation, "exploration found a violation:\n%v", res.Violation)
	require.Equal(t, 4, res.Depth)
	t.Logf("explore: %d states, %d sequences, depth %d", res.States, res.Sequences, res.Depth)
}
