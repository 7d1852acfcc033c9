//go:build rcinterleave

package refcount

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/rcbook/rcbook/lab/sched"
	"github.com/rcbook/rcbook/lab/sched/schedtest"
)

// The interleaving scenarios: two or three goroutines acquiring, trying,
// releasing and cancelling on one RefCount, explored step by step by
// `rcbook lab interleave`, which builds this package with every atomic
// operation, Lock, Unlock and channel receive yielding to the lab's
// scheduler (package lab/sched), and every access to the queue checked to
// hold mu. After every step the state word must agree with the handles
// held and, with mu free, waitersBit with the queue; a shared acquirer
// must never overtake a writer that was queued before it came; no thread
// may wait forever (a lost wake-up is a deadlock); at the end every
// reference is back and the queue empty.

func TestInterleave(t *testing.T) {
	schedtest.Run(t, "refcount", refcountScenarios)
}

type rcWorld struct {
	c       RefCount
	refs    [4]Ref
	excls   [4]ExclusiveRef
	ctx     context.Context
	cancel  context.CancelFunc
	busy    map[any]bool
	met     bool // the readers of together were all in at once
	threads [][]sched.Op
}

func newRCWorld(refs, excls int) *rcWorld {
	w := &rcWorld{busy: map[any]bool{}}
	w.ctx, w.cancel = context.WithCancel(context.Background())
	sched.Name(&w.c.state, "state")
	sched.Name(&w.c.mu, "mu")
	for i := range refs {
		w.refs[i], _ = w.c.TryAcquire()
	}
	for i := range excls {
		w.excls[i], _ = w.c.TryAcquireExclusive()
	}
	return w
}

func (w *rcWorld) Threads() [][]sched.Op { return w.threads }

func (w *rcWorld) op(name string, use any, run func() string) sched.Op {
	return sched.Op{Name: name, Run: func() string {
		w.busy[use] = true
		defer delete(w.busy, use)
		return run()
	}}
}

// context returns the scenario's cancellable context, or Background.
func (w *rcWorld) context(cancellable bool) context.Context {
	if cancellable {
		return w.ctx
	}
	return context.Background()
}

// queuedWriters returns the exclusive waiters now in the queue.
func (w *rcWorld) queuedWriters() []*waiter {
	var ws []*waiter
	for q := w.c.head; q != nil; q = q.next {
		if q.exclusive {
			ws = append(ws, q)
		}
	}
	return ws
}

func (w *rcWorld) queued(x *waiter) bool {
	for q := w.c.head; q != nil; q = q.next {
		if q == x {
			return true
		}
	}
	return false
}

func (w *rcWorld) acquire(i int, cancellable bool) sched.Op {
	return w.op(fmt.Sprintf("r%d = Acquire", i), &w.refs[i], func() string {
		before := w.queuedWriters()
		var err error
		w.refs[i], err = w.c.Acquire(w.context(cancellable))
		if err != nil {
			return "err"
		}
		for _, x := range before {
			if w.queued(x) {
				panic(&sched.Violation{Rule: "fifo", Message: fmt.Sprintf("r%d's Acquire was granted while a writer queued before it came still waits", i)})
			}
		}
		return "ok"
	})
}

func (w *rcWorld) acquireExclusive(j int, cancellable bool) sched.Op {
	return w.op(fmt.Sprintf("e%d = AcquireExclusive", j), &w.excls[j], func() string {
		var err error
		if w.excls[j], err = w.c.AcquireExclusive(w.context(cancellable)); err != nil {
			return "err"
		}
		return "ok"
	})
}

func (w *rcWorld) tryAcquire(i int) sched.Op {
	return w.op(fmt.Sprintf("r%d = TryAcquire", i), &w.refs[i], func() string {
		var ok bool
		w.refs[i], ok = w.c.TryAcquire()
		return fmt.Sprint(ok)
	})
}

func (w *rcWorld) tryExclusive(j int) sched.Op {
	return w.op(fmt.Sprintf("e%d = TryAcquireExclusive", j), &w.excls[j], func() string {
		var ok bool
		w.excls[j], ok = w.c.TryAcquireExclusive()
		return fmt.Sprint(ok)
	})
}

// release releases r[i] if it is held (the acquire before it may have
// failed or been cancelled).
func (w *rcWorld) release(i int) sched.Op {
	return w.op(fmt.Sprintf("r%d.Release", i), &w.refs[i], func() string {
		if w.refs[i].c == nil {
			return "not held"
		}
		w.refs[i].Release()
		return "ok"
	})
}

func (w *rcWorld) releaseExclusive(j int) sched.Op {
	return w.op(fmt.Sprintf("e%d.Release", j), &w.excls[j], func() string {
		if w.excls[j].c == nil {
			return "not held"
		}
		w.excls[j].Release()
		return "ok"
	})
}

func (w *rcWorld) cancelOp() sched.Op {
	return sched.Op{Name: "cancel", Run: func() string { w.cancel(); return "ok" }}
}

// together waits until refs r[i] for every i in is have been held at once:
// shared references are never refused to each other.
func (w *rcWorld) together(is ...int) sched.Op {
	return sched.Op{Name: fmt.Sprintf("wait until %v are all held", is), Run: func() string {
		sched.WaitUntil("readers together", func() bool {
			if !w.met {
				w.met = true
				for _, i := range is {
					w.met = w.met && w.refs[i].c != nil
				}
			}
			return w.met
		})
		return "ok"
	}}
}

// Check is the state word against the handles held, and waitersBit
// against the queue while mu is free.
func (w *rcWorld) Check() error {
	s := w.c.state.Load()
	shared, excl := s&sharedMask, s&exclusiveBit != 0
	refs, excls, moving := 0, 0, 0
	for i := range w.refs {
		if w.busy[&w.refs[i]] {
			moving++
		} else if w.refs[i].c != nil {
			refs++
		}
		if w.excls[i].c != nil && !w.busy[&w.excls[i]] {
			excls++
		}
	}
	var errs []error
	switch {
	case excl && refs > 0:
		errs = append(errs, fmt.Errorf("an exclusive reference is held beside %d Refs (state %#x)", refs, s))
	case excl && shared > uint64(moving):
		errs = append(errs, fmt.Errorf("an exclusive reference is counted beside %d shared ones, more than the %d acquires in flight (state %#x)", shared, moving, s))
	case shared < uint64(refs):
		errs = append(errs, fmt.Errorf("%d Refs are held but the count says %d (state %#x)", refs, shared, s))
	case shared > uint64(refs+moving):
		errs = append(errs, fmt.Errorf("%d Refs are held and %d operations on Refs are in flight, but the count says %d (state %#x)", refs, moving, shared, s))
	case excls > 1 || (excls == 1 && !excl):
		errs = append(errs, fmt.Errorf("%d ExclusiveRefs are held but the state says exclusive %t (state %#x)", excls, excl, s))
	}
	if sched.LocksHeld() == 0 && (s&waitersBit != 0) != (w.c.head != nil) {
		errs = append(errs, fmt.Errorf("waitersBit is %t but the queue is empty: %t (state %#x)", s&waitersBit != 0, w.c.head == nil, s))
	}
	return errors.Join(errs...)
}

// Final releases every reference still held and checks that the state is
// back to 0 with nobody queued: nothing was lost or held by nobody.
func (w *rcWorld) Final() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("releasing the references left at the end panicked: %v", r)
		}
	}()
	for i := range w.refs {
		if w.refs[i].c != nil {
			w.refs[i].Release()
		}
		if w.excls[i].c != nil {
			w.excls[i].Release()
		}
	}
	if s := w.c.state.Load(); s != 0 || w.c.head != nil {
		return fmt.Errorf("with every handle released the state is %#x and the queue empty: %t: a reference is held by nobody, or a waiter is left", s, w.c.head == nil)
	}
	return nil
}

func (w *rcWorld) Snapshot() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%x|", w.c.state.Load())
	for q := w.c.head; q != nil; q = q.next {
		fmt.Fprintf(&sb, "%t,%t,%d;", q.exclusive, q.granted, len(q.ready))
	}
	for i := range w.refs {
		fmt.Fprintf(&sb, "%t%t", w.refs[i].c != nil, w.excls[i].c != nil)
	}
	fmt.Fprintf(&sb, "|%v|%d|%t", w.ctx.Err() != nil, len(w.busy), w.met)
	return sb.String()
}

func rcScenario(name string, refs, excls int, threads func(w *rcWorld) [][]sched.Op) sched.Scenario {
	return sched.Scenario{Name: name, New: func() sched.World {
		w := newRCWorld(refs, excls)
		w.threads = threads(w)
		return w
	}}
}

var refcountScenarios = []sched.Scenario{
	// The last Ref goes by the fast path while a writer marks the queue.
	rcScenario("writer/last release", 1, 0, func(w *rcWorld) [][]sched.Op {
		return [][]sched.Op{{w.refs0Release()}, {w.acquireExclusive(1, false), w.releaseExclusive(1)}}
	}),
	// Readers queued behind a writer go in together when it leaves.
	rcScenario("readers/writer release", 0, 1, func(w *rcWorld) [][]sched.Op {
		return [][]sched.Op{{w.releaseExclusive(0)},
			{w.acquire(1, false), w.together(1, 2), w.release(1)},
			{w.acquire(2, false), w.together(1, 2), w.release(2)}}
	}),
	// A reader queued behind a writer that gives up is let in.
	rcScenario("cancelled writer/reader", 1, 0, func(w *rcWorld) [][]sched.Op {
		return [][]sched.Op{{w.acquireExclusive(1, true), w.releaseExclusive(1)},
			{w.acquire(1, false), w.release(1)},
			{w.cancelOp()}}
	}),
	// A reader that comes while a writer waits queues behind it.
	rcScenario("queued writer/new reader", 1, 0, func(w *rcWorld) [][]sched.Op {
		return [][]sched.Op{{w.acquireExclusive(1, false), w.releaseExclusive(1)},
			{w.acquire(1, false), w.release(1)},
			{w.refs0Release()}}
	}),
	// A writer queued behind a reader waits for it, after a hand-off.
	rcScenario("reader and writer queued/hand-off", 0, 1, func(w *rcWorld) [][]sched.Op {
		return [][]sched.Op{{w.acquire(1, false), w.release(1)},
			{w.acquireExclusive(1, false), w.releaseExclusive(1)},
			{w.releaseExclusive(0)}}
	}),
	// The hand-off and the cancellation race.
	rcScenario("hand-off/cancellation", 1, 0, func(w *rcWorld) [][]sched.Op {
		return [][]sched.Op{{w.acquireExclusive(1, true), w.releaseExclusive(1)},
			{w.refs0Release()},
			{w.cancelOp()}}
	}),
	// Tries never block and never disturb the count.
	rcScenario("try exclusive/release", 1, 0, func(w *rcWorld) [][]sched.Op {
		return [][]sched.Op{{w.tryExclusive(1), w.releaseExclusive(1)}, {w.refs0Release(), w.tryAcquire(2), w.release(2)}}
	}),
}

// refs0Release releases the Ref the scenario started with.
func (w *rcWorld) refs0Release() sched.Op { return w.release(0) }
