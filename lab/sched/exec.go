package sched

import (
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
)

// thread is one goroutine of an execution.
type thread struct {
	id    int
	wake  chan struct{}
	ops   []Op
	op    int    // the operation it is in, or about to begin
	next  string // what it does when it runs next, for the trace
	block func() bool
	// yielded is set by runtime.Gosched: the thread waits until another
	// thread has taken a step, so that a spin on a lock lets the holder run.
	yielded bool
	done    bool
	held    int    // shim mutexes it holds
	hist    uint64 // what it has observed so far: its local state
	steps   int    // steps in the current operation
}

// execution is one run of a scenario under one schedule.
type execution struct {
	world    World
	threads  []*thread
	cur      *thread
	inThread bool // a thread is running; otherwise the scheduler (or setup code) is
	parked   chan *thread
	aborting bool
	failure  *Violation // set by a thread (a panic, an unguarded access)
	steps    int
	trace    []string
	calls    []call
	// decisions made so far, and what the explorer knows of each.
	decisions []decision
	plan      []int // decisions to follow before the defaults
	choose    func(e *execution, d *decision) int
	keep      func(e *execution, preemptions int) bool // false: prune here
	preempt   int
	finished  bool // every thread finished its operations
}

// decision is one choice the scheduler made: which thread runs next, or,
// for a select with several channels ready, which one is received from.
type decision struct {
	data    bool
	options []int // thread ids, or case indexes
	prev    int   // the thread that ran before (-1 at the start)
	prevOn  bool  // and whether it could have gone on (a switch is a preemption)
	spent   int   // preemptions spent before this decision
	chosen  int
	tried   map[int]bool
}

// cost is the preemptions that choosing o at d spends.
func (d *decision) cost(o int) int {
	if !d.data && d.prevOn && o != d.prev {
		return 1
	}
	return 0
}

var current *execution

// errAbort unwinds a thread when its execution is abandoned.
var errAbort = errors.New("sched: execution abandoned")

// managed returns the running thread, or nil when the caller is not one of
// an exploration's threads: setup code, the checks, or a program that is
// not exploring at all.
func managed() (*execution, *thread) {
	e := current
	if e == nil || !e.inThread {
		return nil, nil
	}
	return e, e.cur
}

// yield hands control back to the scheduler before the calling thread's
// next step, described by what. If block is not nil the thread may run
// only when block returns true.
func yield(what string, block func() bool) {
	e, t := managed()
	if e == nil {
		return
	}
	if e.aborting {
		panic(errAbort)
	}
	t.next, t.block = what, block
	e.inThread = false
	e.parked <- t
	<-t.wake
	if e.aborting {
		panic(errAbort)
	}
}

// observe records a value the running thread saw, for the trace and for
// the state hash: a thread's local state is what it has observed.
func observe(v any) {
	e, t := managed()
	if e == nil {
		return
	}
	s := fmt.Sprint(v)
	t.mix(s)
	if n := len(e.trace); n > 0 {
		e.trace[n-1] += " → " + s
	}
}

// mix adds s to what t has observed.
func (t *thread) mix(s string) {
	h := fnv.New64a()
	fmt.Fprintf(h, "%d|%s", t.hist, s)
	t.hist = h.Sum64()
}

// fail stops the execution with a violation found inside a thread.
func fail(rule, msg string) {
	e, _ := managed()
	if e == nil {
		panic(rule + ": " + msg)
	}
	panic(&Violation{Rule: rule, Message: msg})
}

// Point is a step of the scenario itself, such as a write to a guarded
// value between two halves: the scheduler may switch there.
func Point(what string) { yield(what, nil) }

// WaitUntil blocks the calling thread until cond holds; cond is evaluated
// by the scheduler between steps. Outside an exploration it panics unless
// cond already holds.
func WaitUntil(what string, cond func() bool) {
	if e, _ := managed(); e == nil {
		if !cond() {
			panic("sched: WaitUntil outside an exploration: " + what)
		}
		return
	}
	yield(what, cond)
}

// run performs one execution and returns its violation, or nil.
func (e *execution) run(maxSteps int) (v *Violation) {
	current = e
	defer func() { current = nil }()
	ops := e.world.Threads()
	e.parked = make(chan *thread)
	for i, th := range ops {
		t := &thread{id: i, wake: make(chan struct{}), ops: th, next: "start"}
		e.threads = append(e.threads, t)
		go e.body(t)
	}
	defer e.abort()
	prev, prevOn := -1, false
	for {
		if v := e.failure; v != nil {
			return v
		}
		if err := e.world.Check(); err != nil {
			return &Violation{Rule: "invariant", Message: err.Error()}
		}
		enabled := e.enabled()
		if len(enabled) == 0 {
			var stuck []string
			for _, t := range e.threads {
				if !t.done {
					stuck = append(stuck, fmt.Sprintf("T%d waits at %s in %s", t.id, t.next, t.ops[t.op].Name))
				}
			}
			if len(stuck) == 0 {
				e.finished = true
				break
			}
			return &Violation{Rule: "deadlock", Message: "no thread can go on: " + strings.Join(stuck, "; ")}
		}
		d := decision{options: enabled, prev: prev, prevOn: prevOn && contains(enabled, prev), spent: e.preempt}
		if e.keep != nil && !e.keep(e, e.preempt) {
			return nil // explored before, with no more preemptions spent
		}
		next := e.decide(&d)
		e.preempt += d.cost(next)
		t := e.threads[next]
		for _, o := range e.threads {
			if o != t {
				o.yielded = false
			}
		}
		t.steps++
		if t.steps > maxSteps {
			return &Violation{Rule: "livelock", Message: fmt.Sprintf("T%d took more than %d steps in %s without blocking: it busy-waits",
				t.id, maxSteps, t.ops[min(t.op, len(t.ops)-1)].Name)}
		}
		e.trace = append(e.trace, fmt.Sprintf("T%d %s", t.id, t.next))
		e.steps++
		e.cur, e.inThread = t, true
		t.block, t.yielded = nil, false
		t.wake <- struct{}{}
		<-e.parked
		prev, prevOn = t.id, !t.done
	}
	if o, ok := e.world.(Observer); ok {
		// The last call, after every other: the state as it ends.
		op := o.Observe()
		c := call{thread: -1, op: op, inv: e.steps + 1, resp: e.steps + 1}
		c.result = op.Run()
		e.calls = append(e.calls, c)
	}
	if err := e.world.Final(); err != nil {
		return &Violation{Rule: "final", Message: err.Error()}
	}
	return nil
}

// decide makes decision d: the plan's choice while it lasts, then the
// explorer's.
func (e *execution) decide(d *decision) int {
	var c int
	if n := len(e.decisions); n < len(e.plan) {
		c = e.plan[n]
		if !contains(d.options, c) {
			panic(fmt.Sprintf("sched: the schedule chooses %d at decision %d, where only %v can go on: it belongs to another scenario or build", c, n, d.options))
		}
	} else {
		c = e.choose(e, d)
	}
	d.chosen = c
	e.decisions = append(e.decisions, *d)
	return c
}

// chooseCase is a data decision: which of the ready cases a select takes.
func (e *execution) chooseCase(ready []int) int {
	if len(ready) == 1 {
		return ready[0]
	}
	d := decision{data: true, options: ready, spent: e.preempt}
	c := e.decide(&d)
	if n := len(e.trace); n > 0 {
		e.trace[n-1] += fmt.Sprintf(" (case %d of %v ready)", c, ready)
	}
	return c
}

func (e *execution) enabled() []int {
	var ids, spinning []int
	for _, t := range e.threads {
		switch {
		case t.done || (t.block != nil && !t.block()):
		case t.yielded:
			spinning = append(spinning, t.id)
		default:
			ids = append(ids, t.id)
		}
	}
	if len(ids) == 0 {
		return spinning // only spinners left: let them spin, into the step limit
	}
	return ids
}

// body runs thread t's operations, one after another.
func (e *execution) body(t *thread) {
	defer func() {
		if r := recover(); r != nil && r != errAbort && e.failure == nil {
			var v *Violation
			if errors.As(asError(r), &v) {
				e.failure = v
			} else {
				e.failure = &Violation{Rule: "panic", Message: fmt.Sprintf("T%d panicked in %s: %v", t.id, t.ops[min(t.op, len(t.ops)-1)].Name, r)}
			}
		}
		t.done = true
		e.inThread = false
		e.parked <- t
	}()
	if <-t.wake; e.aborting {
		return
	}
	for i, op := range t.ops {
		if i > 0 {
			yield("begins "+op.Name, nil)
		}
		t.op, t.steps = i, 0
		c := call{thread: t.id, op: op, inv: e.steps}
		c.result = op.Run()
		c.resp = e.steps
		observe("returns " + c.result)
		e.calls = append(e.calls, c)
	}
	t.op = len(t.ops) - 1
}

// abort unwinds every thread still parked, so that none is left behind.
func (e *execution) abort() {
	e.aborting = true
	for _, t := range e.threads {
		for !t.done {
			e.cur, e.inThread = t, true
			t.wake <- struct{}{}
			<-e.parked
		}
	}
	e.inThread = false
}

func asError(r any) error {
	if err, ok := r.(error); ok {
		return err
	}
	return fmt.Errorf("%v", r)
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
