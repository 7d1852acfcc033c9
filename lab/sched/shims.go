package sched

import (
	"fmt"
	"reflect"
)

// instrumented is set by the shim packages' init: the build under
// exploration has its steps rewritten into this package's calls.
var instrumented bool

// MarkInstrumented is called by the shim packages when they are linked in.
func MarkInstrumented() { instrumented = true }

// Instrumented reports whether this binary was built with the concurrent
// code rewritten to yield to the scheduler: whether exploring it means
// anything.
func Instrumented() bool { return instrumented }

// names maps the address of a shared word to its name in the trace, for
// the world being explored.
var names = map[any]string{}

// Name gives the shared word at p a name for the traces ("strong").
func Name(p any, name string) { names[p] = name }

// NameOf returns p's name, or its type and address.
func NameOf(p any) string {
	if n, ok := names[p]; ok {
		return n
	}
	return fmt.Sprintf("%T", p)
}

// Step is the shims' hook: a step named op on the shared word at p is about
// to happen; the scheduler decides when.
func Step(op string, p any) {
	if e, _ := managed(); e != nil {
		yield(op+" "+NameOf(p), nil)
	}
}

// Observe is the shims' hook for the value a step read or returned.
func Observe(v any) { observe(v) }

// Gosched is runtime.Gosched under the scheduler: the thread lets every
// other thread take a step before it runs again. It reports false outside
// an exploration, where the caller should call the real one.
func Gosched() bool {
	e, t := managed()
	if e == nil {
		return false
	}
	t.yielded = true
	yield("Gosched", nil)
	return true
}

// LockStep is a shim mutex's Lock: the thread waits until free reports
// true, then takes the lock. It reports false outside an exploration.
func LockStep(p any, free func() bool) bool {
	e, t := managed()
	if e == nil {
		return false
	}
	yield("Lock "+NameOf(p), free)
	t.held++
	// What the thread reads under the lock is plain memory the shims do
	// not see: the shared state as it takes the lock stands for it, so
	// that two threads that read different things are never taken for
	// the same state.
	e.inThread = false // the snapshot's own reads are not steps
	t.mix(e.world.Snapshot())
	e.inThread = true
	return true
}

// UnlockStep is a shim mutex's Unlock. It reports false outside an
// exploration.
func UnlockStep(p any) bool {
	e, t := managed()
	if e == nil {
		return false
	}
	yield("Unlock "+NameOf(p), nil)
	t.held--
	return true
}

// Recv is a receive from ch, <-ch, rewritten: the thread blocks until ch
// has a value or is closed.
func Recv(ch <-chan struct{}) {
	if e, _ := managed(); e == nil {
		<-ch
		return
	}
	yield("receive", func() bool { return ready(ch) })
	<-ch
}

// Select is a select statement whose cases all receive from chs, rewritten:
// it blocks until one of them is ready and returns its index. When several
// are ready, which one is taken is a decision the explorer explores.
func Select(chs ...<-chan struct{}) int {
	e, _ := managed()
	if e == nil {
		cases := make([]reflect.SelectCase, len(chs))
		for i, ch := range chs {
			cases[i] = reflect.SelectCase{Dir: reflect.SelectRecv, Chan: reflect.ValueOf(ch)}
		}
		i, _, _ := reflect.Select(cases)
		return i
	}
	yield("select", func() bool {
		for _, ch := range chs {
			if ready(ch) {
				return true
			}
		}
		return false
	})
	var readyCases []int
	for i, ch := range chs {
		if ready(ch) {
			readyCases = append(readyCases, i)
		}
	}
	i := e.chooseCase(readyCases)
	<-chs[i]
	observe(i)
	return i
}

// ready reports whether a receive from ch would not block, without
// receiving: it holds a value, or it is closed. A nil channel never is.
func ready(ch <-chan struct{}) bool {
	if ch == nil {
		return false
	}
	if len(ch) > 0 {
		return true
	}
	select {
	case _, ok := <-ch:
		return !ok // empty, so only a closed channel gets here
	default:
		return false
	}
}

// Guarded returns p, after checking that the running thread holds a lock:
// the rewrite wraps every access to a field that a package's mutex guards,
// so an access outside the lock is reported wherever it happens, whatever
// the schedule, as a lockset race detector would.
func Guarded[T any](p *T, field string) *T {
	if e, t := managed(); e != nil && t.held == 0 {
		fail("lockset", fmt.Sprintf("T%d touched %s without holding the lock that guards it, in %s", t.id, field, t.ops[t.op].Name))
	}
	return p
}

// LocksHeld returns the number of shim mutexes the threads of the running
// exploration hold: a scenario's checks of what a lock guards apply only
// when it is 0.
func LocksHeld() int {
	n := 0
	if e := current; e != nil {
		for _, t := range e.threads {
			n += t.held
		}
	}
	return n
}
