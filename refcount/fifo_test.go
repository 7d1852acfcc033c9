package refcount_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/refcount"
)

// Waiters are served in arrival order: these tests queue waiters one by one
// (goAcquire returns once its waiter is queued) and watch who is handed the
// reference at each Release.

func TestExclusiveWaitersAreServedInArrivalOrder(t *testing.T) {
	var c refcount.RefCount
	x, _ := c.TryAcquireExclusive()
	w1 := goAcquire(t, &c, "writer 1", true)
	w2 := goAcquire(t, &c, "writer 2", true)
	w3 := goAcquire(t, &c, "writer 3", true)

	x.Release()
	w1.granted(t)
	requireState(t, &c, refcount.Snapshot{Exclusive: true, Waiting: 2}, "writer 1 came first: it is served first")
	w2.waiting(t)
	w3.waiting(t)

	w1.release()
	w2.granted(t)
	requireState(t, &c, refcount.Snapshot{Exclusive: true, Waiting: 1}, "then writer 2")
	w3.waiting(t)

	w2.release()
	w3.granted(t)
	w3.release()
	requireState(t, &c, refcount.Snapshot{}, "all served, nobody left")
}

// Readers queued behind a writer are not starved by a queue of writers: when
// the writer ahead of them releases, the whole run of readers at the head of
// the queue is admitted as one batch. A reader queued behind a later writer
// waits for that writer: the order of the queue is kept.
func TestReadersBehindAWriterAreAdmittedAsABatch(t *testing.T) {
	var c refcount.RefCount
	x, _ := c.TryAcquireExclusive()
	r1 := goAcquire(t, &c, "reader 1", false)
	r2 := goAcquire(t, &c, "reader 2", false)
	w := goAcquire(t, &c, "writer", true)
	r3 := goAcquire(t, &c, "reader 3", false)

	x.Release()
	r1.granted(t)
	r2.granted(t)
	requireState(t, &c, refcount.Snapshot{Shared: 2, Waiting: 2},
		"readers 1 and 2 enter together; the writer and reader 3 still wait")
	w.waiting(t)
	r3.waiting(t)

	r1.release()
	w.waiting(t)
	r2.release()
	w.granted(t)
	requireState(t, &c, refcount.Snapshot{Exclusive: true, Waiting: 1},
		"the batch has drained: the writer is next, reader 3 behind it")
	r3.waiting(t)

	w.release()
	r3.granted(t)
	r3.release()
	requireState(t, &c, refcount.Snapshot{}, "all served, nobody left")
}

// A writer is not starved by a stream of readers: once it waits, readers
// that arrive later queue behind it, however many are inside.
func TestAWriterIsNotStarvedByArrivingReaders(t *testing.T) {
	var c refcount.RefCount
	inside, _ := c.TryAcquire()
	w := goAcquire(t, &c, "writer", true)
	late1 := goAcquire(t, &c, "late reader 1", false)
	late2 := goAcquire(t, &c, "late reader 2", false)
	requireState(t, &c, refcount.Snapshot{Shared: 1, Waiting: 3},
		"the late readers queue behind the writer, though only readers are inside")

	inside.Release()
	w.granted(t)
	requireState(t, &c, refcount.Snapshot{Exclusive: true, Waiting: 2}, "the writer goes first")
	late1.waiting(t)
	late2.waiting(t)

	w.release()
	late1.granted(t)
	late2.granted(t)
	requireState(t, &c, refcount.Snapshot{Shared: 2}, "then the late readers, together")
	late1.release()
	late2.release()
}

// Cancelling a waiter in the middle of the queue keeps everyone else's place.
func TestCancellingAWaiterKeepsTheOthersInOrder(t *testing.T) {
	var c refcount.RefCount
	x, _ := c.TryAcquireExclusive()
	w1 := goAcquire(t, &c, "writer 1", true)
	w2 := goAcquire(t, &c, "writer 2", true)
	w3 := goAcquire(t, &c, "writer 3", true)

	w2.cancel()
	w2.returned(t)
	require.Error(t, w2.err, "the cancelled waiter gives up")
	requireState(t, &c, refcount.Snapshot{Exclusive: true, Waiting: 2}, "writer 2 has left the queue")

	x.Release()
	w1.granted(t)
	w3.waiting(t)
	w1.release()
	w3.granted(t)
	w3.release()
	requireState(t, &c, refcount.Snapshot{}, "all served, nobody left")
}
