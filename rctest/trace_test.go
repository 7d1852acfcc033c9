//go:build rctrace && !rcrelease

package rctest_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/arc"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/weak"
)

// Under -tags rctrace a leak report ends with the lost allocation's last
// events, so it says not only where the allocation was made but who last
// touched it.

func TestTraceLeakReportListsTheLastEvents(t *testing.T) {
	made, cloned := here(3), here(4)
	var downgraded string
	errs := verify(func(testing.TB) {
		r := rc.New(1)
		c := r.Clone()
		r.Drop()
		w := weak.Downgrade(&c)
		downgraded = here(-1)
		c.Drop() // the value goes; w, lost, keeps the allocation
		_ = w.WeakCount()
	})
	require.Len(t, errs, 1, "the Weak was lost, so its allocation leaks")
	report := errs[0]
	assert.Contains(t, report, "rc: leak: allocation made at "+made+" ", "the first line is as in every build")
	assert.Contains(t, report, event("rc.(*Rc).Clone", "strong=2 weak=1 alive   ", cloned), "then the events, with their lines")
	assert.Contains(t, report, event("weak.Downgrade", "strong=1 weak=2 alive   ", downgraded))
	assert.Contains(t, report, "strong=0 weak=1 dead", "the last event shows what keeps the allocation: one Weak")
}

func TestTraceArcLeakReportListsTheLastEvents(t *testing.T) {
	cloned := here(3)
	errs := verify(func(testing.TB) {
		a := arc.New(1)
		b := a.Clone()
		a.Drop()
		_ = b.StrongCount() // b is lost
	})
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0], event("arc.(*Arc).Clone", "strong=2 weak=1 alive   ", cloned))
	assert.Contains(t, errs[0], "its last 3 of 3 events", "New, Clone, Drop")
}

// event is the line of a history that says op left counts, at site.
func event(op, counts, site string) string {
	return fmt.Sprintf("%-26s %s at %s ", op, counts, site)
}
