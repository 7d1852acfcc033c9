package rctest

import (
	"testing"

	"github.com/rcbook/rcbook/internal/leak"
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
	leak.Track(true)
	since := leak.Count()
	t.Cleanup(func() {
		defer leak.Track(false)
		for _, report := range leak.Collect(since) {
			t.Errorf("rc: leak: %s", report)
		}
	})
}

// Leaks runs f with leak tracking on, then collects garbage and returns a
// report for each allocation f made and lost without freeing it. With
// -tags rcrelease nothing is tracked and it returns nil.
func Leaks(f func()) []string {
	leak.Track(true)
	defer leak.Track(false)
	since := leak.Count()
	f()
	return leak.Collect(since)
}
