package refcount_test

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/rcbook/rcbook/refcount"
)

// TestMain fails the package if any test leaves a goroutine behind: every
// waiter a test starts must have returned, granted or cancelled.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// patience bounds every wait for something that must happen: a test that
// hits it has found a lost wake-up or a deadlock.
const patience = 5 * time.Second

// T is what the helpers need of a test: *testing.T and *rapid.T are both.
type T interface {
	require.TestingT
	Helper()
}

// acquirer is one goroutine blocked in Acquire or AcquireExclusive, with
// its own context so that a test can cancel it.
type acquirer struct {
	name      string
	exclusive bool
	cancel    context.CancelFunc
	done      chan struct{} // closed when the call has returned
	ref       refcount.Ref  // set when a shared call returns
	xref      refcount.ExclusiveRef
	err       error
}

// goAcquire starts a goroutine that calls Acquire (or AcquireExclusive) on c
// and returns once it is queued, so that the order of goAcquire calls is the
// order of the queue. It must be called when the call will have to wait.
func goAcquire(t T, c *refcount.RefCount, name string, exclusive bool) *acquirer {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	a := &acquirer{name: name, exclusive: exclusive, cancel: cancel, done: make(chan struct{})}
	before := refcount.Waiting(c)
	go func() {
		defer close(a.done)
		if exclusive {
			a.xref, a.err = c.AcquireExclusive(ctx)
		} else {
			a.ref, a.err = c.Acquire(ctx)
		}
	}()
	// The test polls (the RefCount never does): yielding lets the new
	// goroutine run, and is much quicker than a timer tick.
	for deadline := time.Now().Add(patience); refcount.Waiting(c) != before+1; runtime.Gosched() {
		if time.Now().After(deadline) {
			require.FailNow(t, "waiter never queued",
				"%s should be queued: the reference is busy, so its acquire must wait", name)
		}
	}
	return a
}

// returned waits for the call to return; a call that never does is a lost
// wake-up.
func (a *acquirer) returned(t T) {
	t.Helper()
	select {
	case <-a.done:
	case <-time.After(patience):
		require.FailNow(t, "waiter never woke", "%s is still blocked after %v: a hand-off was lost", a.name, patience)
	}
}

// granted waits for the call to return and requires that it got the
// reference.
func (a *acquirer) granted(t T) {
	t.Helper()
	a.returned(t)
	require.NoError(t, a.err, "%s should have been handed the reference", a.name)
}

// waiting requires that the call has not returned. A hand-off is made with
// the RefCount's lock held, before the waiter wakes, so tests pair this
// with Look's exact queue length.
func (a *acquirer) waiting(t T) {
	t.Helper()
	select {
	case <-a.done:
		require.FailNow(t, "waiter woke too early", "%s returned (err=%v) but should still be queued", a.name, a.err)
	default:
	}
}

// release releases whichever reference the call got.
func (a *acquirer) release() {
	if a.exclusive {
		a.xref.Release()
	} else {
		a.ref.Release()
	}
}

// requireState compares c with the expected shared count, exclusive flag and
// queue length.
func requireState(t T, c *refcount.RefCount, want refcount.Snapshot, why string) {
	t.Helper()
	require.Equal(t, want, refcount.Look(c), why)
	require.Equal(t, want.Shared, c.Count(), "Count must agree with the state: %s", why)
}

// requireRefusal runs f, which must panic with a *refcount.Error whose
// message is msg.
func requireRefusal(t T, msg string, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		p := recover()
		require.NotNil(t, p, "this misuse must panic with %q", msg)
		err, ok := p.(*refcount.Error)
		require.True(t, ok, "the panic value must be a *refcount.Error, got %T: %v", p, p)
		require.Equal(t, msg, err.Error(), "the message must name package, operation and problem")
	}()
	f()
}
