package properties

import (
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/rcbook/rcbook/invariants/model"
	"github.com/rcbook/rcbook/pool"
	"github.com/rcbook/rcbook/rctest"
)

// TestModelPooled runs the harness's state machine against allocations from
// a pool of two headers, shared by every run, so headers are reused across
// runs and within them. The model does not know about pools: the pooled Rc
// must be indistinguishable from rc.New's.
func TestModelPooled(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	p := pool.NewPool[model.Value](2, nil)
	rapid.Check(t, model.Machine(Pooled{Pool: p}))
	require.LessOrEqual(t, p.Size(), p.MaxSize(), "a pool never holds more than its maximum")
	require.Positive(t, p.Size(), "every run frees its allocations, so the pool must have taken some back")
}

// TestExplorePooled is TestExplore with pooled allocations: every operation
// sequence up to depth 4, no violation.
func TestExplorePooled(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	p := pool.NewPool[model.Value](2, nil)
	res := model.Explore(Pooled{Pool: p}, model.ExploreConfig{Depth: 4, MaxAllocs: 3, MaxHandles: 4})
	require.Nil(t, res.Violation, "exploration found a violation with pooled allocations:\n%v", res.Violation)
	require.Equal(t, 4, res.Depth)
	require.Equal(t, 2, p.Size(), "after the last sequence frees everything, the pool is full again")
}
