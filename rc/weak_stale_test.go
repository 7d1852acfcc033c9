package rc_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

// Weak.Drop's own check, beside the code in weak.go and drop.go: the last
// weak unit under a live value is the implicit weak (I4), which no Weak
// owns, so a Weak copied without Clone cannot take it.
func TestAStaleWeakCannotDropTheImplicitWeak(t *testing.T) {
	rctest.RequireChecks(t)
	r := rc.New(1)
	defer r.Drop()
	w := rc.Downgrade(&r)
	stale := rctest.UncountedCopy(&w)
	w.Drop()
	require.PanicsWithError(t,
		"rc: Weak.Drop: no Weak left to drop: the last weak unit is the implicit weak, owned by the strong handles (was this Weak copied without Clone?) (I4)",
		stale.Drop, "the copy has no unit of its own: the one left belongs to the strong handles")
	requireCounts(t, &r, 1, 0, "the refused Drop changed no count")
	require.Equal(t, 1, *r.Get(), "the allocation was not freed under its live strong handle")
}
