//go:build !rcrelease

package rctest_test

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/arc"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/refcount"
)

// innerTest is a testing.TB for a test run inside a test: VerifyNoLeaks
// registers its check with Cleanup, and finish runs it, so the outer test
// can read what the inner one would have reported.
type innerTest struct {
	testing.TB // nil: only the methods below may be called
	cleanups   []func()
	errors     []string
}

func (t *innerTest) Helper()                   {}
func (t *innerTest) Name() string              { return "TestInner" }
func (t *innerTest) Cleanup(f func())          { t.cleanups = append(t.cleanups, f) }
func (t *innerTest) Failed() bool              { return len(t.errors) > 0 }
func (t *innerTest) Errorf(f string, a ...any) { t.errors = append(t.errors, fmt.Sprintf(f, a...)) }

// run runs body as the inner test's body, then its cleanups, last first,
// as testing does, and returns the errors they reported.
func (t *innerTest) run(body func(testing.TB)) []string {
	body(t)
	for i := len(t.cleanups) - 1; i >= 0; i-- {
		t.cleanups[i]()
	}
	return t.errors
}

// verify runs body as a test that calls VerifyNoLeaks, and returns what
// the check reported, and the line of body's caller plus offset, which is
// where the lost handle is made when the caller writes body inline.
func verify(body func(testing.TB)) []string {
	return new(innerTest).run(func(t testing.TB) {
		rctest.VerifyNoLeaks(t)
		body(t)
	})
}

// here returns "file:line" of its caller, plus delta lines.
func here(delta int) string {
	_, file, line, _ := runtime.Caller(1)
	return fmt.Sprintf("%s:%d", file, line+delta)
}

func TestVerifyNoLeaksReportsALostArc(t *testing.T) {
	site := here(2)
	errs := verify(func(testing.TB) {
		a := arc.New(42)
		_ = a.StrongCount() // used, then lost without Drop
	})
	require.Len(t, errs, 1, "one arc allocation was lost, so the inner test must fail with one report")
	assert.Contains(t, errs[0], "rc: leak: arc allocation made at "+site,
		"the report says what leaked and names the line that made it")
}

func TestVerifyNoLeaksReportsALostArcWeak(t *testing.T) {
	errs := verify(func(testing.TB) {
		a := arc.New(42)
		w := arc.Downgrade(&a)
		a.Drop() // the value goes, the Weak keeps the allocation
		_ = w.WeakCount()
	})
	require.Len(t, errs, 1, "a Weak lost without Drop keeps its arc allocation from being freed")
	assert.Contains(t, errs[0], "arc allocation made at")
}

func TestVerifyNoLeaksReportsAnArcLostOnAnotherGoroutine(t *testing.T) {
	site := here(4)
	errs := verify(func(testing.TB) {
		done := make(chan struct{})
		go func() {
			a := arc.New(1)
			_ = a.StrongCount()
			close(done)
		}()
		<-done
	})
	require.Len(t, errs, 1, "an Arc lost on a goroutine the test started is the test's leak")
	assert.Contains(t, errs[0], site)
}

func TestVerifyNoLeaksReportsALostRef(t *testing.T) {
	var c refcount.RefCount
	site := here(2)
	errs := verify(func(testing.TB) {
		r, err := c.Acquire(context.Background())
		require.NoError(t, err)
		_ = &r // lost without Release
	})
	require.Len(t, errs, 1, "a Ref lost without Release must fail the inner test")
	assert.Contains(t, errs[0], "rc: leak: refcount reference acquired at "+site,
		"the report names the line that acquired the reference")
	assert.Equal(t, 1, c.Count(), "the lost Ref is still counted: that is why it is a leak")
}

func TestVerifyNoLeaksReportsALostExclusiveRef(t *testing.T) {
	var c refcount.RefCount
	site := here(2)
	errs := verify(func(testing.TB) {
		e, ok := c.TryAcquireExclusive()
		require.True(t, ok)
		_ = &e // lost without Release
	})
	require.Len(t, errs, 1, "an ExclusiveRef lost without Release must fail the inner test")
	assert.Contains(t, errs[0], "refcount exclusive reference acquired at "+site)
}

func TestVerifyNoLeaksIsQuietWhenEveryHandleIsReleased(t *testing.T) {
	var c refcount.RefCount
	errs := verify(func(testing.TB) {
		a := arc.New(1)
		b := a.Clone()
		w := arc.Downgrade(&a)
		r, ok := c.TryAcquire()
		require.True(t, ok)
		s, err := c.Acquire(context.Background())
		require.NoError(t, err)
		r.Release()
		s.Release()
		e, ok := c.TryAcquireExclusive()
		require.True(t, ok)
		e.Release()
		a.Drop()
		b.Drop()
		w.Drop()
		h := rc.New(2)
		h.Drop()
	})
	assert.Empty(t, errs, "every handle was dropped or released, so nothing leaked")
}

// A Ref handed over to a waiter is tracked from the waiter's Acquire.
func TestVerifyNoLeaksTracksARefHandedToAWaiter(t *testing.T) {
	var c refcount.RefCount
	site := here(7)
	errs := verify(func(testing.TB) {
		e, ok := c.TryAcquireExclusive()
		require.True(t, ok)
		got := make(chan struct{})
		go func() {
			defer close(got)
			r, err := c.Acquire(context.Background()) // waits for e
			require.NoError(t, err)
			_ = &r // lost without Release
		}()
		time.Sleep(10 * time.Millisecond) // let it queue: either way its Ref must be tracked
		e.Release()
		<-got
	})
	require.Len(t, errs, 1, "the waiter lost the Ref it was handed")
	assert.Contains(t, errs[0], site)
}
