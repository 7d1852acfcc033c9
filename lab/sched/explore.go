package sched

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
)

// Op is one operation a thread performs, such as a Drop or an Upgrade.
type Op struct {
	Name string        // what it is, as the trace shows it: "a.Drop()"
	Run  func() string // performs it and returns its result, as Spec would
	// Spec is the operation on the sequential specification: given the
	// state before it, what it may do: each outcome is a result it may
	// return and the state after it (more than one where the specification
	// leaves a choice). Nil leaves the operation out of the
	// linearizability check.
	Spec func(state any) []Outcome
}

// Outcome is one thing an operation may do on the specification.
type Outcome struct {
	State  any
	Result string
}

// World is one fresh instance of a scenario: the shared objects and the
// threads' operations on them.
type World interface {
	// Threads returns each thread's operations, in order.
	Threads() [][]Op
	// Check is called after every step, with every thread parked: the
	// invariants that hold between any two steps.
	Check() error
	// Final is called when every thread has finished.
	Final() error
	// Snapshot is the shared state, for recognizing a state seen before;
	// "" turns that off.
	Snapshot() string
}

// Observer is a World that can say how it ended: Observe's operation runs
// after every thread has finished, and its result must match the
// sequential specification's after the same operations (the counts, say).
type Observer interface {
	Observe() Op
}

// Scenario is a named way to make worlds, with the initial state of the
// sequential specification its operations' Specs step (nil: no
// linearizability check).
type Scenario struct {
	Name  string
	New   func() World
	Model any
}

// Violation is a broken rule, with the schedule that broke it.
type Violation struct {
	Rule     string // invariant, deadlock, livelock, panic, final, linearizability or a rule the scenario names
	Message  string
	Schedule string   // replays it: Replay(scenario, Schedule)
	Trace    []string // every step, "T1 Load strong → 2"
}

func (v *Violation) Error() string { return v.Rule + ": " + v.Message }

// Stats is what an exploration covered.
type Stats struct {
	Schedules int // executions run to the end, or to a state seen before
	States    int // distinct states met at decisions (with NoDedup too, though then not used)
	Pruned    int // executions cut short at a state seen before
	MaxSteps  int // the longest execution's steps
}

// Options bound an exploration.
type Options struct {
	Bound    int  // preemptions per schedule
	MaxSteps int  // steps one operation may take before it counts as busy-waiting; 0 means 200
	NoDedup  bool // explore states seen before again
	Limit    int  // stop after this many schedules; 0 means no limit
}

// Explore runs s under every schedule within opts's preemption bound,
// depth first, and returns what it covered and the first violation.
func Explore(s Scenario, opts Options) (Stats, *Violation) {
	if opts.MaxSteps == 0 {
		opts.MaxSteps = 200
	}
	var st Stats
	seen := map[uint64]int{}
	var stack []decision // the decisions of the last execution, with what was tried at each
	var plan []int
	for {
		names = map[any]string{} // each world names its own words
		e := &execution{world: s.New(), plan: plan}
		e.choose = func(e *execution, d *decision) int {
			// Beyond the plan: go on with the thread that ran, if it can;
			// else the first that can. A select takes its first ready case.
			if d.prevOn {
				return d.prev
			}
			return d.options[0]
		}
		e.keep = func(e *execution, spent int) bool {
			if len(e.decisions) < len(plan) {
				return true // on the way to the branch to explore
			}
			snap := e.world.Snapshot()
			if snap == "" {
				return true
			}
			k := e.stateKey(snap)
			if old, ok := seen[k]; ok && old <= spent {
				return opts.NoDedup // counted either way; cut short unless told not to
			}
			seen[k] = spent
			return true
		}
		v := e.run(opts.MaxSteps)
		if v == nil && e.finished && s.Model != nil {
			v = linearizable(s.Model, e.calls)
		}
		st.Schedules++
		st.MaxSteps = max(st.MaxSteps, e.steps)
		if !e.finished && v == nil {
			st.Pruned++
		}
		if v != nil {
			v.Schedule = encode(e.decisions)
			v.Trace = e.trace
			st.States = len(seen)
			return st, v
		}
		// Keep what was tried at the decisions of the plan, take the rest
		// from this execution, and find the deepest decision with an
		// untried choice within the bound.
		for i := range e.decisions {
			if i < len(stack) && i < len(plan) {
				e.decisions[i].tried = stack[i].tried
			}
			if e.decisions[i].tried == nil {
				e.decisions[i].tried = map[int]bool{}
			}
			e.decisions[i].tried[e.decisions[i].chosen] = true
		}
		stack = e.decisions
		plan = nil
		for i := len(stack) - 1; i >= 0 && plan == nil; i-- {
			d := &stack[i]
			for _, o := range d.options {
				if !d.tried[o] && d.spent+d.cost(o) <= opts.Bound {
					plan = append(chosen(stack[:i]), o)
					stack = stack[:i+1]
					break
				}
			}
		}
		if plan == nil || (opts.Limit > 0 && st.Schedules >= opts.Limit) {
			st.States = len(seen)
			return st, nil
		}
	}
}

// Replay runs s once under schedule, as Explore reported it, and returns
// the trace and the violation it meets, if any.
func Replay(s Scenario, schedule string) (trace []string, v *Violation, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r) // a schedule that does not fit the scenario
		}
	}()
	plan, err := decode(schedule)
	if err != nil {
		return nil, nil, err
	}
	names = map[any]string{}
	e := &execution{world: s.New(), plan: plan}
	e.choose = func(e *execution, d *decision) int {
		if d.prevOn {
			return d.prev
		}
		return d.options[0]
	}
	v = e.run(200)
	if v == nil && e.finished && s.Model != nil {
		v = linearizable(s.Model, e.calls)
	}
	if v != nil {
		v.Schedule, v.Trace = encode(e.decisions), e.trace
	}
	return e.trace, v, nil
}

// stateKey hashes what determines the rest of an execution: the shared
// state, each thread's observations (its local state) and position, the
// thread that ran last (whether a switch costs a preemption) and the
// real-time order of the operations so far, on which linearizability
// depends.
func (e *execution) stateKey(snap string) uint64 {
	h := fnv.New64a()
	cur := -1
	if e.cur != nil {
		cur = e.cur.id
	}
	fmt.Fprintf(h, "%s|%d|", snap, cur)
	for _, t := range e.threads {
		fmt.Fprintf(h, "%d,%d,%d,%t,%t,%s;", t.hist, t.op, t.held, t.done, t.yielded, t.next)
	}
	for _, c := range e.calls {
		fmt.Fprintf(h, "%d:%d:", c.thread, c.resp)
		for _, d := range e.calls {
			if d.inv > c.resp {
				fmt.Fprint(h, "<")
			}
		}
	}
	return h.Sum64()
}

func chosen(ds []decision) []int {
	out := make([]int, len(ds))
	for i, d := range ds {
		out[i] = d.chosen
	}
	return out
}

// encode writes decisions as a schedule string: the thread chosen at each
// decision ("0", "1"), a select's case as "#1", runs of one choice as
// "0*5", separated by dots.
func encode(ds []decision) string {
	var parts []string
	for i := 0; i < len(ds); {
		j := i
		for j < len(ds) && ds[j].chosen == ds[i].chosen && ds[j].data == ds[i].data {
			j++
		}
		p := strconv.Itoa(ds[i].chosen)
		if ds[i].data {
			p = "#" + p
		}
		if j-i > 1 {
			p += "*" + strconv.Itoa(j-i)
		}
		parts = append(parts, p)
		i = j
	}
	return strings.Join(parts, ".")
}

func decode(s string) ([]int, error) {
	var out []int
	if s == "" {
		return out, nil
	}
	for _, p := range strings.Split(s, ".") {
		n := 1
		if i := strings.IndexByte(p, '*'); i >= 0 {
			var err error
			if n, err = strconv.Atoi(p[i+1:]); err != nil || n < 1 {
				return nil, fmt.Errorf("sched: bad schedule %q: %q", s, p)
			}
			p = p[:i]
		}
		c, err := strconv.Atoi(strings.TrimPrefix(p, "#"))
		if err != nil || c < 0 {
			return nil, fmt.Errorf("sched: bad schedule %q: %q", s, p)
		}
		out = append(out, slices.Repeat([]int{c}, n)...)
	}
	return out, nil
}
