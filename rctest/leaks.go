package rctest

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/rcbook/rcbook/internal/leak"
)

// VerifyNoLeaks fails t if an allocation made while t runs is lost without
// being freed: a handle that went out of scope without Drop, or a cycle of
// strong handles the program let go of. It watches every handle package:
// rc's and arc's allocations (Rc, Weak, Arc, arc.Weak, pool handles) and
// refcount's references (a Ref or ExclusiveRef lost without Release, which
// leaves its RefCount held for good) and rcmap's handles (a Handle lost
// without Release, which keeps its entry in the map). It turns on leak tracking for the
// rest of the test (checked builds only; a few microseconds per
// allocation) and checks when the test ends, after one run of the garbage
// collector, which is all it takes to know:
//
//	func TestSomething(t *testing.T) {
//		rctest.VerifyNoLeaks(t)
//		...
//	}
//
// Each report says what was lost and names the line that made it:
//
//	rc: leak: arc allocation made at /src/app/cache_test.go:31 (app.TestCache) was never freed: ...
//	rc: leak: refcount reference acquired at /src/app/db_test.go:12 (app.TestDB) was never released: ...
//	rc: leak: rcmap handle acquired at /src/app/bus_test.go:20 (app.TestBus) was never released: ...
//
// The leaks are t's own: those of allocations made on t's goroutine or on
// goroutines it started. Parallel tests and subtests that call VerifyNoLeaks each check
// their own; a subtest that does not is checked with its parent.
//
// A test that has already failed, or is panicking (a stub's "TODO"), is not
// also charged with leaks: it stopped before it could drop its handles, and
// those reports would only bury the real failure.
func VerifyNoLeaks(t testing.TB) {
	t.Helper()
	leak.Track(true)
	s := leak.Begin(t.Name())
	t.Cleanup(func() {
		t.Helper()
		defer leak.Track(false)
		reports := s.End()
		if t.Failed() || panicking() {
			return
		}
		for _, r := range reports {
			t.Errorf("rc: leak: %s", r)
		}
	})
}

// VerifyTestMain runs a package's tests with leak tracking on for all of
// them, then fails the run if any allocation made outside a test that
// calls VerifyNoLeaks was lost without being freed: in TestMain, in an
// init, or in a test that does not check its own. Call it from TestMain:
//
//	func TestMain(m *testing.M) { rctest.VerifyTestMain(m) }
//
// Each report names the line that made the allocation, and so the test.
// It exits the program with m.Run's code, or 1 if it found a leak.
func VerifyTestMain(m *testing.M) {
	leak.Track(true)
	code := m.Run()
	reports := leak.Package().Collect()
	leak.Track(false)
	for _, r := range reports {
		fmt.Fprintf(os.Stderr, "rc: leak: %s\n", r)
	}
	if len(reports) > 0 && code == 0 {
		fmt.Fprintf(os.Stderr, "FAIL: %d leaked allocations (rctest.VerifyTestMain)\n", len(reports))
		code = 1
	}
	os.Exit(code)
}

// Leaks runs f with leak tracking on, then collects garbage and returns a
// report for each allocation f made (on its goroutine, or on goroutines it
// started) and lost without freeing it. With -tags rcrelease nothing is
// tracked and it returns nil.
func Leaks(f func()) []string {
	leak.Track(true)
	defer leak.Track(false)
	s := leak.Begin("rctest.Leaks")
	f()
	return s.End()
}

// panicking reports whether the calling goroutine is unwinding a panic: a
// test's cleanups run from inside the panic when the test panicked, and
// testing only marks the test failed after them.
func panicking() bool {
	var pcs [64]uintptr
	frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs[:])])
	for {
		f, more := frames.Next()
		if strings.HasPrefix(f.Function, "runtime.gopanic") {
			return true
		}
		if !more {
			return false
		}
	}
}
