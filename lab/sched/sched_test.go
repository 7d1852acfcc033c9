package sched_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/lab/sched"
	"github.com/rcbook/rcbook/lab/sched/atomic"
	"github.com/rcbook/rcbook/lab/sched/sync"
)

// counter is a world of threads that each increment one shared counter,
// with one atomic Add or, wrongly, a Load and a Store.
type counter struct {
	n       atomic.Int64
	racy    bool
	threads int
}

func (c *counter) Threads() [][]sched.Op {
	var ops [][]sched.Op
	for range c.threads {
		ops = append(ops, []sched.Op{{Name: "increment", Run: func() string {
			if c.racy {
				n := c.n.Load()
				c.n.Store(n + 1)
			} else {
				c.n.Add(1)
			}
			return "ok"
		}}})
	}
	return ops
}

func (c *counter) Check() error { return nil }

func (c *counter) Final() error {
	if n := c.n.Load(); n != int64(c.threads) {
		return fmt.Errorf("%d increments left the counter at %d", c.threads, n)
	}
	return nil
}

func (c *counter) Snapshot() string { return fmt.Sprint(c.n.Load()) }

func counterScenario(racy bool, threads int) sched.Scenario {
	return sched.Scenario{Name: "counter", New: func() sched.World { return &counter{racy: racy, threads: threads} }}
}

func TestALostUpdateNeedsOnePreemption(t *testing.T) {
	st, v := sched.Explore(counterScenario(true, 2), sched.Options{Bound: 0})
	assert.Nil(t, v, "without preemption each load-store pair runs whole, so no update is lost")
	assert.Equal(t, 2, st.Schedules, "bound 0 tries each thread first: two schedules")

	_, v = sched.Explore(counterScenario(true, 2), sched.Options{Bound: 1})
	require.NotNil(t, v, "one preemption between a load and its store loses an update")
	assert.Equal(t, "final", v.Rule, "the lost update shows in the final check")
	assert.NotEmpty(t, v.Schedule, "a violation carries the schedule that replays it")
}

func TestReplayRunsTheReportedScheduleAgain(t *testing.T) {
	_, v := sched.Explore(counterScenario(true, 2), sched.Options{Bound: 1})
	require.NotNil(t, v, "the racy counter breaks at bound 1")
	trace, again, err := sched.Replay(counterScenario(true, 2), v.Schedule)
	require.NoError(t, err, "the schedule a violation printed parses")
	require.NotNil(t, again, "replaying the schedule meets the same violation")
	assert.Equal(t, v.Message, again.Message, "the replay breaks the same rule the same way")
	assert.Equal(t, v.Trace, trace, "the replay takes the same steps")

	_, _, err = sched.Replay(counterScenario(true, 2), "0.x")
	assert.Error(t, err, "a schedule that is not one is refused")
}

func TestAnAtomicAddLosesNothingUnderAnySchedule(t *testing.T) {
	st, v := sched.Explore(counterScenario(false, 3), sched.Options{Bound: 3})
	assert.Nil(t, v, "three atomic Adds always make 3")
	assert.Greater(t, st.Schedules, 3, "three threads with preemptions give more schedules than threads")
}

func TestSeenStatesAreNotExploredAgain(t *testing.T) {
	full, v1 := sched.Explore(counterScenario(false, 3), sched.Options{Bound: 3, NoDedup: true})
	dedup, v2 := sched.Explore(counterScenario(false, 3), sched.Options{Bound: 3})
	assert.Nil(t, v1, "no violation without state caching")
	assert.Nil(t, v2, "no violation with it")
	assert.Less(t, dedup.Schedules, full.Schedules, "states seen before cut schedules short")
	assert.Positive(t, dedup.Pruned, "the cut schedules are counted")
	_, v := sched.Explore(counterScenario(true, 3), sched.Options{Bound: 1})
	assert.NotNil(t, v, "state caching does not hide the lost update")
}

// crossed locks two mutexes in opposite orders on two threads.
type crossed struct {
	a, b sync.Mutex
	both int // times a thread held both
}

func (c *crossed) Threads() [][]sched.Op {
	lock := func(first, second *sync.Mutex) sched.Op {
		return sched.Op{Name: "lock both", Run: func() string {
			first.Lock()
			second.Lock()
			c.both++
			second.Unlock()
			first.Unlock()
			return "ok"
		}}
	}
	return [][]sched.Op{{lock(&c.a, &c.b)}, {lock(&c.b, &c.a)}}
}

func (c *crossed) Check() error { return nil }
func (c *crossed) Final() error {
	if c.both != 2 {
		return fmt.Errorf("both locks were held %d times, not 2", c.both)
	}
	return nil
}
func (c *crossed) Snapshot() string { return "" }

func TestLocksTakenInOppositeOrdersDeadlock(t *testing.T) {
	s := sched.Scenario{Name: "crossed", New: func() sched.World { return &crossed{} }}
	_, v := sched.Explore(s, sched.Options{Bound: 0})
	assert.Nil(t, v, "without preemption one thread takes both locks before the other starts")
	_, v = sched.Explore(s, sched.Options{Bound: 1})
	require.NotNil(t, v, "a preemption between the two Locks deadlocks")
	assert.Equal(t, "deadlock", v.Rule, "a state where no thread can go on is a deadlock")
}

// register is a one-word register written and read by two threads, whose
// reads must be linearizable.
type register struct {
	v      atomic.Int64
	broken bool // the write goes in two halves: a reader can see the half
}

func (r *register) Threads() [][]sched.Op {
	write := sched.Op{Name: "write 3", Run: func() string {
		if r.broken {
			r.v.Store(1)
			r.v.Add(2)
		} else {
			r.v.Store(3)
		}
		return "ok"
	}, Spec: func(any) []sched.Outcome { return []sched.Outcome{{State: int64(3), Result: "ok"}} }}
	read := sched.Op{Name: "read", Run: func() string { return fmt.Sprint(r.v.Load()) },
		Spec: func(s any) []sched.Outcome { return []sched.Outcome{{State: s, Result: fmt.Sprint(s)}} }}
	return [][]sched.Op{{write}, {read}}
}

func (r *register) Check() error     { return nil }
func (r *register) Final() error     { return nil }
func (r *register) Snapshot() string { return fmt.Sprint(r.v.Load()) }

func TestAHalfWrittenValueIsNotLinearizable(t *testing.T) {
	ok := sched.Scenario{Name: "register", Model: int64(0), New: func() sched.World { return &register{} }}
	_, v := sched.Explore(ok, sched.Options{Bound: 2})
	assert.Nil(t, v, "a read sees 0 or 3, each the state at some instant")
	broken := sched.Scenario{Name: "register", Model: int64(0), New: func() sched.World { return &register{broken: true} }}
	_, v = sched.Explore(broken, sched.Options{Bound: 1})
	require.NotNil(t, v, "a read between the two halves sees 1, which no order gives")
	assert.Equal(t, "linearizability", v.Rule, "the half-written value breaks linearizability")
}

func TestTheShimsOutsideAnExplorationAreTheOriginals(t *testing.T) {
	var x atomic.Uint64
	x.Store(5)
	assert.True(t, x.CompareAndSwap(5, 6), "CompareAndSwap from the value held succeeds")
	assert.Equal(t, uint64(6), x.Or(8), "Or returns the old value")
	assert.Equal(t, uint64(14), x.And(^uint64(2)), "And returns the old value")
	assert.Equal(t, uint64(12), x.Swap(1), "Swap returns the old value")
	assert.Equal(t, uint64(3), x.Add(2), "Add returns the new value")
	var m sync.Mutex
	m.Lock()
	x.Store(0)
	m.Unlock()
	assert.True(t, sched.Instrumented(), "linking a shim marks the binary as instrumented")
}
