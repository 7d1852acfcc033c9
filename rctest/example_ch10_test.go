//go:build !rcrelease

package rctest_test

import (
	"errors"
	"fmt"
	"regexp"
	"testing"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

// openSession opens a session for the length of a call, and forgets to
// drop it on its error path.
func openSession(handshakeOK bool) error {
	s := rc.New("session")
	if !handshakeOK {
		return errors.New("handshake failed") // the bug: s is lost without Drop
	}
	s.Drop()
	return nil
}

// VerifyNoLeaks at the top of a test reports, when the test ends, every
// allocation the test made and lost without freeing, with the line that made
// it. Here a recorder stands in for the test's *testing.T and prints what
// the test would report; the example trims the file's directory, which
// depends on where the repository is.
func ExampleVerifyNoLeaks() {
	t := &recorder{name: "TestOpenSession"}
	rctest.VerifyNoLeaks(t)

	fmt.Println("first call:", openSession(true))
	fmt.Println("second call:", openSession(false))

	t.end() // what the testing package does when the test function returns
	// Output:
	// first call: <nil>
	// second call: handshake failed
	// TestOpenSession fails: rc: leak: allocation made at example_ch10_test.go:18 (rctest_test.openSession) was never freed: a handle was lost without Drop, or a cycle of strong handles was dropped
}

// recorder is the part of a *testing.T that VerifyNoLeaks uses: it runs
// the cleanups at end, as testing does, and prints what they report.
type recorder struct {
	testing.TB // only to satisfy the interface: calling any other method panics
	name       string
	cleanups   []func()
	failed     bool
}

func (r *recorder) Helper()          {}
func (r *recorder) Name() string     { return r.name }
func (r *recorder) Failed() bool     { return r.failed }
func (r *recorder) Cleanup(f func()) { r.cleanups = append(r.cleanups, f) }
func (r *recorder) Errorf(format string, args ...any) {
	r.failed = true
	fmt.Println(r.name, "fails:", dir.ReplaceAllString(fmt.Sprintf(format, args...), ""))
}

// end runs the cleanups, last registered first.
func (r *recorder) end() {
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		r.cleanups[i]()
	}
}

// dir matches the directory part of a file path in a report.
var dir = regexp.MustCompile(`/\S*/`)
