package rcmap

import (
	"context"
	"errors"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests hold a create open on a gate channel, so that the other
// Acquires of its key must wait for it. Inside a synctest bubble,
// synctest.Wait returns once every goroutine is blocked on the gate or on
// the pending entry, which makes "the waiters are waiting now" a fact
// instead of a sleep.

// newGate returns a gate for gatedCreate and the function that opens it.
// The gate also opens when the test ends, so that a failing test does not
// leave its creator blocked, which a synctest bubble would report as a
// deadlock instead of the failure.
func newGate(t *testing.T) (gate <-chan struct{}, open func()) {
	c := make(chan struct{})
	open = sync.OnceFunc(func() { close(c) })
	t.Cleanup(open)
	return c, open
}

// outcome is what one Acquire returned.
type outcome struct {
	h       *Handle[string, int]
	created bool
	err     error
}

// gatedCreate returns a create that counts its calls, waits for gate to be
// closed, and then returns v or err.
func gatedCreate(gate <-chan struct{}, calls *int, v int, err error) func() (int, error) {
	return func() (int, error) {
		*calls++
		<-gate
		return v, err
	}
}

// acquireAsync runs Acquire on a new goroutine and sends its outcome to the
// returned channel.
func acquireAsync(ctx context.Context, m *Map[string, int], key string, create func() (int, error)) <-chan outcome {
	out := make(chan outcome, 1)
	go func() {
		h, created, err := m.Acquire(ctx, key, create)
		out <- outcome{&h, created, err} // the handle stays in h: the outcome points to it
	}()
	return out
}

// pendingCount returns the count of key's pending entry: its creator plus
// the waiters still waiting.
func pendingCount(t *testing.T, m *Map[string, int], key string) int {
	t.Helper()
	m.mu.Lock()
	defer m.mu.Unlock()
	e, found := m.entries[key]
	require.True(t, found, "a create is running for %q: its pending entry must be in the map", key)
	require.True(t, e.pending(), "the entry for %q must still be pending", key)
	return e.count
}

func TestWaitersJoinTheEntryTheCreatorMakes(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := New[string, int](nil)
		gate, open := newGate(t)
		calls := 0
		creator := acquireAsync(context.Background(), m, "k", gatedCreate(gate, &calls, 42, nil))
		synctest.Wait() // the creator is inside create
		const waiters = 5
		var outs []<-chan outcome
		for range waiters {
			outs = append(outs, acquireAsync(context.Background(), m, "k", gatedCreate(gate, &calls, -1, nil)))
		}
		synctest.Wait() // every waiter is waiting on the pending entry
		assert.Equal(t, 1+waiters, pendingCount(t, m, "k"), "the pending entry counts its creator and every waiter")
		assert.Equal(t, 0, m.Len(), "a pending entry is not an entry yet: Len does not count it")
		assert.Equal(t, 0, m.Count("k"), "nor does Count")
		_, found := m.Load("k")
		assert.False(t, found, "Load does not see a pending entry")
		_, found = m.Join("k")
		assert.False(t, found, "Join does not see a pending entry, and does not wait for it")
		open()
		first := <-creator
		require.NoError(t, first.err, "the creator's create succeeded")
		assert.True(t, first.created, "the goroutine that ran create reports created")
		for _, out := range outs {
			o := <-out
			require.NoError(t, o.err, "a waiter gets the creator's success")
			assert.False(t, o.created, "a waiter joined, it did not create")
			assert.Equal(t, 42, o.h.Value(), "a waiter's handle reaches the value the creator made")
			o.h.Release()
		}
		assert.Equal(t, 1, calls, "create ran once, for the creator only")
		assert.Equal(t, 1, m.Count("k"), "the waiters released their handles: the creator's is left")
		first.h.Release()
		assert.Equal(t, 0, m.Len(), "the last handle removed the entry")
	})
}

func TestCreateErrorGoesToEveryWaiterAndLeavesNoEntry(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		cleanups := 0
		m := New(func(string, int) { cleanups++ })
		gate, open := newGate(t)
		calls := 0
		errDial := errors.New("dial failed")
		creator := acquireAsync(context.Background(), m, "k", gatedCreate(gate, &calls, 0, errDial))
		synctest.Wait()
		waiter1 := acquireAsync(context.Background(), m, "k", gatedCreate(gate, &calls, 0, nil))
		waiter2 := acquireAsync(context.Background(), m, "k", gatedCreate(gate, &calls, 0, nil))
		synctest.Wait()
		open()
		for _, out := range []<-chan outcome{creator, waiter1, waiter2} {
			o := <-out
			require.ErrorIs(t, o.err, errDial, "every Acquire of the key gets the error of its one create")
			requireZero(t, o.h, "a failed Acquire returns the zero Handle: it holds nothing")
		}
		assert.Equal(t, 1, calls, "create ran once; the waiters did not retry it")
		m.mu.Lock()
		assert.Empty(t, m.entries, "a failed create leaves no entry behind, pending or live")
		assert.Zero(t, m.pending, "and no create is counted as running")
		m.mu.Unlock()
		assert.Zero(t, cleanups, "an entry that never lived gets no cleanup")
		h, created := acquire(t, m, "k", value(7))
		assert.True(t, created, "the next Acquire of the key creates it afresh")
		h.Release()
		assert.Equal(t, 1, cleanups, "the entry that did live gets its cleanup")
	})
}

func TestCreatePanicPropagatesAndWaitersGetErrCreatePanicked(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m := New[string, int](nil)
		gate, open := newGate(t)
		recovered := make(chan any, 1)
		go func() {
			defer func() { recovered <- recover() }()
			_, _, _ = m.Acquire(context.Background(), "k", func() (int, error) {
				<-gate
				panic("create blew up")
			})
		}()
		synctest.Wait()
		waiter := acquireAsync(context.Background(), m, "k", value(1))
		synctest.Wait()
		open()
		assert.Equal(t, "create blew up", <-recovered, "the panic goes on in the goroutine that ran create")
		o := <-waiter
		require.ErrorIs(t, o.err, ErrCreatePanicked, "a waiter learns that the create it waited for panicked")
		requireZero(t, o.h, "and returns the zero Handle: it holds nothing")
		assert.Equal(t, 0, m.Len(), "a panicking create leaves no entry")
		h, created := acquire(t, m, "k", value(2))
		assert.True(t, created, "and the map is unlocked: the next Acquire creates")
		h.Release()
	})
}

func TestWaiterWhoseContextEndsGivesUpAloneAndCountsStayRight(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		cleanups := 0
		m := New(func(string, int) { cleanups++ })
		gate, open := newGate(t)
		calls := 0
		creator := acquireAsync(context.Background(), m, "k", gatedCreate(gate, &calls, 5, nil))
		synctest.Wait()
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		impatient := acquireAsync(ctx, m, "k", value(-1))
		patient := acquireAsync(context.Background(), m, "k", value(-1))
		synctest.Wait()
		assert.Equal(t, 3, pendingCount(t, m, "k"), "creator and two waiters")
		time.Sleep(time.Second) // the bubble's clock: the impatient waiter's deadline passes
		synctest.Wait()
		o := <-impatient
		require.ErrorIs(t, o.err, context.DeadlineExceeded, "a waiter whose context ends returns ctx.Err()")
		requireZero(t, o.h, "and returns the zero Handle: it holds nothing")
		assert.Equal(t, 2, pendingCount(t, m, "k"), "it took its share back: creator and the patient waiter are left")
		open()
		first, second := <-creator, <-patient
		require.NoError(t, first.err, "the creator is unaffected by a waiter's context")
		require.NoError(t, second.err, "so is the other waiter")
		assert.Equal(t, 2, m.Count("k"), "the live entry counts the two handles that exist, not the one that gave up")
		first.h.Release()
		second.h.Release()
		assert.Equal(t, 1, cleanups, "the two Releases remove the entry: the count was right")
		assert.Equal(t, 1, calls, "create ran once")
	})
}

func TestAcquireThatNeedNotWaitIgnoresItsContext(t *testing.T) {
	m := New[string, int](nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	h, created, err := m.Acquire(ctx, "k", value(1))
	require.NoError(t, err, "creating does not wait for anyone: a done context does not stop it")
	assert.True(t, created, "the key had no entry")
	joined, created, err := m.Acquire(ctx, "k", value(2))
	require.NoError(t, err, "joining a live entry does not wait either")
	assert.False(t, created, "the key had an entry")
	joined.Release()
	h.Release()
}

// TestSlowCreateDoesNotStallOtherKeys runs on the real clock: with create
// under the map's lock, the other key's Acquire would block on a mutex,
// which a synctest bubble cannot tell from progress.
func TestSlowCreateDoesNotStallOtherKeys(t *testing.T) {
	m := New[string, int](nil)
	gate, open := newGate(t)
	inside := make(chan struct{})
	slow := acquireAsync(context.Background(), m, "slow", func() (int, error) {
		close(inside)
		<-gate
		return 1, nil
	})
	<-inside // the slow key's create is running now, and will not return until the gate opens
	done := make(chan struct{})
	go func() {
		defer close(done)
		h, created, err := m.Acquire(context.Background(), "fast", value(2))
		if !assert.NoError(t, err, "the fast key's create cannot fail") {
			return
		}
		assert.True(t, created, "the fast key is created while the slow key's create runs")
		assert.Equal(t, 1, m.Len(), "Len sees the fast entry and not the pending slow one")
		_, found := m.Load("fast")
		assert.True(t, found, "Load works meanwhile")
		for range m.All() {
		}
		h.Release()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		require.FailNow(t, "another key's Acquire must not wait for a slow create: it is still blocked after 10s")
	}
	open()
	o := <-slow
	require.NoError(t, o.err, "the slow create then finishes")
	o.h.Release()
}

func TestCreateMayUseTheMapForOtherKeys(t *testing.T) {
	m := New[string, int](nil)
	var inner Handle[string, int]
	outer, _ := acquire(t, m, "outer", func() (int, error) {
		inner, _ = acquire(t, m, "inner", value(1))
		return m.Len() + 10, nil // create runs unlocked: Len does not deadlock
	})
	assert.Equal(t, 11, outer.Value(), "inside create, Len saw the inner entry and not the pending outer one")
	assert.Equal(t, 2, m.Len(), "both entries exist")
	inner.Release()
	outer.Release()
}
