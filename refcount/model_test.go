package refcount_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/rcbook/rcbook/refcount"
)

// model is what a RefCount should be, written as plainly as possible: a
// shared count, an exclusive flag and a FIFO queue of waiters.
type model struct {
	shared    int
	exclusive bool
	queue     []*acquirer
}

func (m *model) sharedFree() bool    { return !m.exclusive && len(m.queue) == 0 }
func (m *model) exclusiveFree() bool { return m.sharedFree() && m.shared == 0 }

// serve hands the reference to the waiters at the head of the queue that can
// have it now, and returns them in order: the exclusive waiter at the head if
// nothing is held, or the run of shared waiters at the head if no exclusive
// reference is held.
func (m *model) serve() []*acquirer {
	var served []*acquirer
	for len(m.queue) > 0 {
		a := m.queue[0]
		if m.exclusive || (a.exclusive && m.shared > 0) {
			break
		}
		if a.exclusive {
			m.exclusive = true
		} else {
			m.shared++
		}
		m.queue = m.queue[1:]
		served = append(served, a)
	}
	return served
}

// machine drives a RefCount and the model side by side, one operation at a
// time. Waiters are real goroutines; the machine waits for each to be queued
// and, when the model says it is served, for its call to return.
type machine struct {
	c      refcount.RefCount
	m      model
	shared []*refcount.Ref        // the Refs the machine holds
	excl   *refcount.ExclusiveRef // the ExclusiveRef, if held
	names  int
}

func (s *machine) name(kind string) string {
	s.names++
	return fmt.Sprintf("%s %d", kind, s.names)
}

// take records what a call returned, in the model and the machine.
func (s *machine) take(t *rapid.T, r *refcount.Ref, x *refcount.ExclusiveRef) {
	if r != nil {
		s.shared = append(s.shared, r)
	}
	if x != nil {
		require.Nil(t, s.excl, "the model granted a second exclusive reference")
		s.excl = x
	}
}

// served waits for the waiters the model has just served and takes their
// references.
func (s *machine) served(t *rapid.T, who []*acquirer) {
	for _, a := range who {
		a.granted(t)
		if a.exclusive {
			s.take(t, nil, &a.xref)
		} else {
			s.take(t, &a.ref, nil)
		}
	}
}

func (s *machine) tryAcquire(t *rapid.T) {
	r, ok := s.c.TryAcquire()
	require.Equal(t, s.m.sharedFree(), ok, "TryAcquire succeeds iff no exclusive reference is held and nobody waits")
	if ok {
		s.m.shared++
		s.take(t, &r, nil)
	}
}

func (s *machine) tryAcquireExclusive(t *rapid.T) {
	x, ok := s.c.TryAcquireExclusive()
	require.Equal(t, s.m.exclusiveFree(), ok, "TryAcquireExclusive succeeds iff nothing is held and nobody waits")
	if ok {
		s.m.exclusive = true
		s.take(t, nil, &x)
	}
}

// acquire calls Acquire or AcquireExclusive without letting it block: with
// a live context when the model says the reference is free, with a done one
// when it is not, which must fail and queue nothing.
func (s *machine) acquire(exclusive bool) func(*rapid.T) {
	return func(t *rapid.T) {
		free := s.m.sharedFree()
		if exclusive {
			free = s.m.exclusiveFree()
		}
		ctx, cancel := context.WithCancel(context.Background())
		if !free {
			cancel()
		}
		defer cancel()
		var r refcount.Ref
		var x refcount.ExclusiveRef
		var err error
		if exclusive {
			x, err = s.c.AcquireExclusive(ctx)
		} else {
			r, err = s.c.Acquire(ctx)
		}
		if !free {
			require.ErrorIs(t, err, context.Canceled, "busy, and ctx is done: the call gives up")
			return
		}
		require.NoError(t, err, "the model says the reference is free: the call must not wait")
		if exclusive {
			s.m.exclusive = true
			s.take(t, nil, &x)
		} else {
			s.m.shared++
			s.take(t, &r, nil)
		}
	}
}

// enqueue starts a waiter when the model says it has to wait, and calls
// acquire otherwise.
func (s *machine) enqueue(exclusive bool) func(*rapid.T) {
	return func(t *rapid.T) {
		free := s.m.sharedFree()
		if exclusive {
			free = s.m.exclusiveFree()
		}
		if free {
			s.acquire(exclusive)(t)
			return
		}
		kind := "reader"
		if exclusive {
			kind = "writer"
		}
		s.m.queue = append(s.m.queue, goAcquire(t, &s.c, s.name(kind), exclusive))
	}
}

func (s *machine) release(t *rapid.T) {
	if len(s.shared) == 0 {
		t.Skip("no Ref held")
	}
	i := rapid.IntRange(0, len(s.shared)-1).Draw(t, "ref")
	r := s.shared[i]
	s.shared = append(s.shared[:i], s.shared[i+1:]...)
	r.Release()
	s.m.shared--
	s.served(t, s.m.serve())
	if rapid.IntRange(0, 3).Draw(t, "releaseAgain") == 0 {
		requireRefusal(t, "refcount: Release: reference already released", r.Release)
	}
}

func (s *machine) releaseExclusive(t *rapid.T) {
	if s.excl == nil {
		t.Skip("no ExclusiveRef held")
	}
	x := s.excl
	s.excl = nil
	x.Release()
	s.m.exclusive = false
	s.served(t, s.m.serve())
	if rapid.IntRange(0, 3).Draw(t, "releaseAgain") == 0 {
		requireRefusal(t, "refcount: Release: reference already released", x.Release)
	}
}

func (s *machine) cancel(t *rapid.T) {
	if len(s.m.queue) == 0 {
		t.Skip("nobody waits")
	}
	i := rapid.IntRange(0, len(s.m.queue)-1).Draw(t, "waiter")
	a := s.m.queue[i]
	s.m.queue = append(s.m.queue[:i:i], s.m.queue[i+1:]...)
	a.cancel()
	a.returned(t)
	require.ErrorIs(t, a.err, context.Canceled, "%s was queued: cancelling it must make its call fail", a.name)
	s.served(t, s.m.serve())
}

// check compares the RefCount with the model after every action.
func (s *machine) check(t *rapid.T) {
	requireState(t, &s.c, refcount.Snapshot{Shared: s.m.shared, Exclusive: s.m.exclusive, Waiting: len(s.m.queue)},
		"the RefCount must agree with the model (shared count, exclusive flag, queue length)")
	for _, a := range s.m.queue {
		a.waiting(t)
	}
}

// drain releases everything until nothing is held and nobody waits, which
// proves every waiter is eventually served.
func (s *machine) drain(t *rapid.T) {
	for len(s.shared) > 0 || s.excl != nil {
		if s.excl != nil {
			s.releaseExclusive(t)
		} else {
			s.shared[0].Release()
			s.shared = s.shared[1:]
			s.m.shared--
			s.served(t, s.m.serve())
		}
		s.check(t)
	}
	require.Empty(t, s.m.queue, "nothing held: every waiter must have been served")
	requireState(t, &s.c, refcount.Snapshot{}, "drained: nothing held, nobody waiting")
}

// TestModel runs random sequences of operations, including queued waiters
// and cancellations, against the model.
func TestModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := &machine{}
		defer func() { // a failed run must not leak its waiters
			for _, a := range s.m.queue {
				a.cancel()
				<-a.done
			}
		}()
		t.Repeat(map[string]func(*rapid.T){
			"":                    s.check,
			"tryAcquire":          s.tryAcquire,
			"tryAcquireExclusive": s.tryAcquireExclusive,
			"acquire":             s.acquire(false),
			"acquireExclusive":    s.acquire(true),
			"enqueue":             s.enqueue(false),
			"enqueueExclusive":    s.enqueue(true),
			"release":             s.release,
			"releaseExclusive":    s.releaseExclusive,
			"cancel":              s.cancel,
		})
		s.drain(t)
	})
}
