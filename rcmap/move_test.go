package rcmap

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestMoveHandsTheShareOnAndLeavesTheHandleMoved proves Move: the returned
// handle holds the share, the count does not change, and the old handle
// refuses every use, saying it was moved.
func TestMoveHandsTheShareOnAndLeavesTheHandleMoved(t *testing.T) {
	m := New[string, int](nil)
	h, _, err := m.Acquire(context.Background(), "news", func() (int, error) { return 7, nil })
	require.NoError(t, err)
	held := []Handle[string, int]{h.Move()}
	require.Equal(t, 1, m.Count("news"), "a Move hands the share on: the count does not change")
	require.Equal(t, 7, held[0].Value(), "the moved-to handle reads the entry")
	const moved = "handle was moved out (use the handle Move returned)"
	requireMisuse(t, "rcmap: Value: "+moved, func() { h.Value() })
	requireMisuse(t, "rcmap: Clone: "+moved, func() { c := h.Clone(); c.Release() })
	requireMisuse(t, "rcmap: Move: "+moved, func() { c := h.Move(); c.Release() })
	requireMisuse(t, "rcmap: Release: "+moved, h.Release)
	require.Equal(t, 1, m.Count("news"), "the refused uses of the moved-from handle changed nothing")
	held[0].Release()
	require.Zero(t, m.Len(), "releasing the moved-to handle gives up the only share: the entry goes")
}

// TestMoveOfAHandleThatHoldsNothingIsRefused proves that Move, like every
// other method, refuses a released or zero handle and changes nothing.
func TestMoveOfAHandleThatHoldsNothingIsRefused(t *testing.T) {
	var zero Handle[string, int]
	requireMisuse(t, "rcmap: Move: zero Handle (make handles with Acquire, Join or Clone)",
		func() { c := zero.Move(); c.Release() })
	requireZero(t, &zero, "a refused Move leaves the zero Handle as it was")
	m := New[string, int](nil)
	h, _, err := m.Acquire(context.Background(), "news", func() (int, error) { return 7, nil })
	require.NoError(t, err)
	h.Release()
	requireMisuse(t, "rcmap: Move: handle already released", func() { c := h.Move(); c.Release() })
	require.Zero(t, m.Len(), "the refused Move revived nothing")
}
