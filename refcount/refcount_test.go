package refcount_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/refcount"
)

func TestZeroRefCountIsReadyToUse(t *testing.T) {
	var c refcount.RefCount
	requireState(t, &c, refcount.Snapshot{}, "the zero RefCount holds nothing and has no waiter")

	r, ok := c.TryAcquire()
	require.True(t, ok, "a shared reference is free on a zero RefCount")
	requireState(t, &c, refcount.Snapshot{Shared: 1}, "one Ref held")
	r.Release()

	x, ok := c.TryAcquireExclusive()
	require.True(t, ok, "the exclusive reference is free on a zero RefCount")
	requireState(t, &c, refcount.Snapshot{Exclusive: true}, "the ExclusiveRef held, Count still 0")
	x.Release()
	requireState(t, &c, refcount.Snapshot{}, "everything released")
}

func TestCountFollowsSharedRefs(t *testing.T) {
	var c refcount.RefCount
	var refs [5]refcount.Ref
	for i := range refs {
		var err error
		refs[i], err = c.Acquire(context.Background())
		require.NoError(t, err, "Acquire must not wait while only shared references are held")
		assert.Equal(t, i+1, c.Count(), "each Acquire adds one to the shared count")
	}
	for i := range refs {
		refs[i].Release()
		assert.Equal(t, len(refs)-i-1, c.Count(), "each Release takes one away")
	}
}

func TestExclusiveRefExcludesEveryone(t *testing.T) {
	var c refcount.RefCount
	x, err := c.AcquireExclusive(context.Background())
	require.NoError(t, err, "a free RefCount grants the exclusive reference at once")

	_, ok := c.TryAcquire()
	assert.False(t, ok, "no shared reference while the exclusive one is held")
	_, ok = c.TryAcquireExclusive()
	assert.False(t, ok, "no second exclusive reference")
	requireState(t, &c, refcount.Snapshot{Exclusive: true}, "failed tries change nothing")

	x.Release()
	r, ok := c.TryAcquire()
	require.True(t, ok, "once the exclusive reference is released, shared ones are free again")
	r.Release()
}

func TestSharedRefsExcludeExclusive(t *testing.T) {
	var c refcount.RefCount
	r, _ := c.TryAcquire()
	_, ok := c.TryAcquireExclusive()
	assert.False(t, ok, "no exclusive reference while a shared one is held")
	r.Release()
	x, ok := c.TryAcquireExclusive()
	require.True(t, ok, "the last Release frees the exclusive reference")
	x.Release()
}

func TestFailedTryReturnsTheZeroHandle(t *testing.T) {
	var c refcount.RefCount
	x, _ := c.TryAcquireExclusive()
	r, ok := c.TryAcquire()
	require.False(t, ok, "busy: TryAcquire fails")
	requireRefusal(t, "refcount: Release: empty reference: the zero value holds nothing (did a Try fail?)", r.Release)
	x.Release()

	s, _ := c.TryAcquire()
	y, ok := c.TryAcquireExclusive()
	require.False(t, ok, "busy: TryAcquireExclusive fails")
	requireRefusal(t, "refcount: Release: empty reference: the zero value holds nothing (did a Try fail?)", y.Release)
	s.Release()
	requireState(t, &c, refcount.Snapshot{}, "releasing a zero handle must not touch the count")
}

func TestDoubleReleasePanics(t *testing.T) {
	var c refcount.RefCount
	a, _ := c.TryAcquire()
	b, _ := c.TryAcquire()
	a.Release()
	requireRefusal(t, "refcount: Release: reference already released", a.Release)
	requireState(t, &c, refcount.Snapshot{Shared: 1}, "a refused Release must not take b's reference away")
	b.Release()

	x, _ := c.TryAcquireExclusive()
	x.Release()
	requireRefusal(t, "refcount: Release: reference already released", x.Release)
	requireState(t, &c, refcount.Snapshot{}, "a refused Release changes nothing")

	var e *refcount.Error
	func() {
		defer func() { require.True(t, errors.As(recover().(error), &e), "recover it with errors.As") }()
		a.Release()
	}()
	assert.Equal(t, "Release", e.Op, "the error records the operation")
}

func TestAcquireReturnsAtOnceWhenFreeEvenIfCtxIsDone(t *testing.T) {
	var c refcount.RefCount
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r, err := c.Acquire(ctx)
	require.NoError(t, err, "a free shared reference is granted without looking at ctx")
	r.Release()
	x, err := c.AcquireExclusive(ctx)
	require.NoError(t, err, "a free exclusive reference is granted without looking at ctx")
	x.Release()
}

func TestAcquireWithDoneCtxFailsWithoutQueueing(t *testing.T) {
	var c refcount.RefCount
	x, _ := c.TryAcquireExclusive()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()

	_, err := c.Acquire(ctx)
	require.ErrorIs(t, err, context.Canceled, "the reference is busy and ctx is done: Acquire gives up")
	_, err = c.AcquireExclusive(ctx)
	require.ErrorIs(t, err, context.Canceled, "the reference is busy and ctx is done: AcquireExclusive gives up")
	requireState(t, &c, refcount.Snapshot{Exclusive: true}, "a call that gave up must leave no waiter behind")
	x.Release()
}

func TestAcquireGivesUpAtTheDeadline(t *testing.T) {
	var c refcount.RefCount
	x, _ := c.TryAcquireExclusive()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()

	_, err := c.Acquire(ctx)
	require.ErrorIs(t, err, context.DeadlineExceeded, "Acquire waits until the deadline, then reports it")
	requireState(t, &c, refcount.Snapshot{Exclusive: true}, "the timed-out waiter must have left the queue")
	x.Release()
	requireState(t, &c, refcount.Snapshot{}, "nothing was handed to the waiter that left")
}

func TestAcquireWaitsForTheExclusiveRef(t *testing.T) {
	var c refcount.RefCount
	x, _ := c.TryAcquireExclusive()
	a := goAcquire(t, &c, "reader", false)
	a.waiting(t)

	x.Release()
	a.granted(t)
	requireState(t, &c, refcount.Snapshot{Shared: 1}, "the Release handed the shared reference to the reader")
	a.release()
}

func TestAcquireExclusiveWaitsForSharedRefsToDrain(t *testing.T) {
	var c refcount.RefCount
	r1, _ := c.TryAcquire()
	r2, _ := c.TryAcquire()
	w := goAcquire(t, &c, "writer", true)

	r1.Release()
	requireState(t, &c, refcount.Snapshot{Shared: 1, Waiting: 1}, "one Ref is still out: the writer waits")
	w.waiting(t)

	r2.Release()
	w.granted(t)
	requireState(t, &c, refcount.Snapshot{Exclusive: true}, "the last Release handed the exclusive reference on")
	w.release()
}

func TestAWaitingExclusiveBlocksNewSharedAcquirers(t *testing.T) {
	var c refcount.RefCount
	r, _ := c.TryAcquire()
	w := goAcquire(t, &c, "writer", true)

	_, ok := c.TryAcquire()
	assert.False(t, ok, "a writer is queued: a new reader must not overtake it, "+
		"or a stream of readers could starve it")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := c.Acquire(ctx)
	assert.ErrorIs(t, err, context.Canceled, "a new reader must queue behind the writer, not get in")

	r.Release()
	w.granted(t)
	w.release()
}
