//go:build !rcrelease

package rctest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

func TestLeaksReportsAHandleLostWithoutDrop(t *testing.T) {
	reports := rctest.Leaks(func() {
		r := rc.New(42)
		_ = r.StrongCount() // used, then forgotten: never dropped
	})
	require.Len(t, reports, 1, "the allocation was never freed, so exactly one leak must be reported")
	assert.Contains(t, reports[0], "leaks_test.go:", "the report names the line that made the allocation")
}

func TestLeaksReportsAWeakLostWithoutDrop(t *testing.T) {
	reports := rctest.Leaks(func() {
		r := rc.New(42)
		w := weak.Downgrade(&r)
		r.Drop() // the value is dropped, but w keeps the allocation
		_ = w.StrongCount()
	})
	assert.Len(t, reports, 1, "a Weak that is never dropped keeps its allocation from being freed")
}

func TestLeaksIsQuietWhenEverythingIsDropped(t *testing.T) {
	reports := rctest.Leaks(func() {
		r := rc.New(42)
		c := r.Clone()
		w := weak.Downgrade(&r)
		c.Drop()
		r.Drop()
		w.Drop()
	})
	assert.Empty(t, reports, "every handle was dropped, so every allocation was freed")
}

// A cycle broken with a Weak is freed: the child's back pointer does not own
// the parent.
func TestLeaksIsQuietForACycleBrokenWithWeak(t *testing.T) {
	type node struct {
		child  rc.Rc[int]
		parent weak.Weak[int]
	}
	reports := rctest.Leaks(func() {
		parent := rc.New(1)
		n := rc.New(node{})
		n.Get().child = parent.Clone()
		n.Get().parent = weak.Downgrade(&parent)
		n.Get().child.Drop()
		n.Get().parent.Drop()
		n.Drop()
		parent.Drop()
	})
	assert.Empty(t, reports)
}
