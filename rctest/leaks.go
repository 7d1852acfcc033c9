package rctest

import (
	"testing"

	"github.com/rcbook/rcbook/internal/rcbox"
)

// VerifyNoLeaks fails t if an allocation made while t runs is lost without
// being freed: a handle that went out of scope without Drop, or a cycle of
// strong handles the program let go of. It turns on leak tracking for the
// rest of the test (checked builds only; about 300 ns per New) and checks
// when the test ends, after running the garbage collector:
//
//	func TestSomething(t *testing.T) {
//		rctest.VerifyNoLeaks(t)
//		...
//	}
//
// Each report names the line that made the lost allocation. Tests running
// in parallel share the tracker, so a leak may be reported by a neighbour.
func VerifyNoLeaks(t testing.TB) {
	t.Helper()
	rcbox.TrackLeaks(true)
	since := rcbox.LeakCount()
	t.Cleanup(func() {
		defer rcbox.TrackLeaks(false)
		for _, leak := range rcbox.CollectLeaks(since) {
			t.Errorf("rc: leak: %s", leak)
		}
	})
}

// Leaks runs f with leak tracking on, then collects garbage and returns a
// report for each allocation f made and lost without freeing it. With
// -tags rcrelease nothing is tracked and it returns nil.
func Leaks(f func()) []string {
	rcbox.TrackLeaks(true)
	defer rcbox.TrackLeaks(false)
	since := rcbox.LeakCount()
	f()
	return rcbox.CollectLeaks(since)
}
