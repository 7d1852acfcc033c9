// Package scopes is a fixture for rctest's leak-scope tests: run with go
// test, some of its tests leak on purpose, and rctest/scopes_test.go checks
// which tests the leaks are charged to.
package scopes

import (
	"os"
	"testing"
	"time"

	"github.com/rcbook/rcbook/arc"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/refcount"
)

// TestMain checks, at the end, the leaks no test's own scope claimed.
func TestMain(m *testing.M) { rctest.VerifyTestMain(m) }

// TestLeaker loses one handle, while TestNeighbour runs beside it.
func TestLeaker(t *testing.T) {
	t.Parallel()
	rctest.VerifyNoLeaks(t)
	r := rc.New(1)
	_ = r.StrongCount() // used, then lost without Drop
	time.Sleep(50 * time.Millisecond)
}

// TestNeighbour runs in parallel with TestLeaker, and drops what it makes.
func TestNeighbour(t *testing.T) {
	t.Parallel()
	rctest.VerifyNoLeaks(t)
	for range 1000 {
		r := rc.New(2)
		r.Drop()
	}
	time.Sleep(50 * time.Millisecond)
}

// TestLeakInAGoroutine loses a handle on a goroutine it started.
func TestLeakInAGoroutine(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	done := make(chan struct{})
	go func() {
		defer close(done)
		r := rc.New(3)
		_ = r.StrongCount()
	}()
	<-done
}

// TestUnchecked calls no VerifyNoLeaks: its leak is VerifyTestMain's.
func TestUnchecked(t *testing.T) {
	r := rc.New(4)
	_ = r.StrongCount()
}

// TestUncheckedHandles loses an arc allocation and a refcount reference,
// and checks nothing: they are VerifyTestMain's too.
func TestUncheckedHandles(t *testing.T) {
	a := arc.New(6)
	_ = a.StrongCount()
	var c refcount.RefCount
	r, _ := c.TryAcquire()
	_ = &r // lost without Release
}

// TestPanics leaks, then panics like an exercise stub; only when asked,
// since a panic ends the test binary.
func TestPanics(t *testing.T) {
	if os.Getenv("SCOPES_PANIC") == "" {
		t.Skip("set SCOPES_PANIC to panic")
	}
	rctest.VerifyNoLeaks(t)
	r := rc.New(5)
	_ = r.StrongCount()
	panic("TODO: not written yet")
}
