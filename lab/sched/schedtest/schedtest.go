// Package schedtest runs a package's interleaving scenarios as one go test,
// the way `rcbook lab interleave` invokes it: each scenario is explored up
// to a preemption bound, and one line of JSON per scenario reports what
// was explored and any violation, with the schedule that replays it.
package schedtest

import (
	"encoding/json"
	"flag"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/rcbook/rcbook/lab/sched"
)

var (
	bound    = flag.Int("interleave.bound", 2, "preemptions per schedule")
	minBound = flag.Bool("interleave.minbound", false, "explore bound 0, 1, ... up to -interleave.bound, and stop a scenario at the first bound that finds a violation")
	only     = flag.String("interleave.run", "", "explore only the scenarios whose names contain this text")
	replay   = flag.String("interleave.replay", "", "SCENARIO:SCHEDULE: run one schedule and print its trace")
	noDedup  = flag.Bool("interleave.nodedup", false, "explore states seen before again")
)

// Prefix starts every line of the report.
const Prefix = "interleave: "

// Report is one scenario's result, one JSON line after Prefix.
type Report struct {
	Package   string
	Scenario  string
	Bound     int // the bound explored (with -interleave.minbound, the first that found the violation)
	Schedules int
	States    int
	Pruned    int
	MaxSteps  int
	Millis    int64
	Violation *sched.Violation `json:",omitempty"`
}

// Run explores every scenario of package pkg, or replays one schedule. It
// skips unless the package was built with its steps rewritten to yield
// (sched.Instrumented): without that, nothing would interleave.
func Run(t *testing.T, pkg string, scenarios []sched.Scenario) {
	if !sched.Instrumented() {
		t.Skip("the interleaving scenarios need the rewritten build: run `go run ./cmd/rcbook lab interleave`")
	}
	if *replay != "" {
		name, schedule, _ := strings.Cut(*replay, ":")
		for _, s := range scenarios {
			if s.Name != name {
				continue
			}
			trace, v, err := sched.Replay(s, schedule)
			if err != nil {
				fail(t, err.Error())
			}
			for _, line := range trace {
				fmt.Println(Prefix + "  " + line)
			}
			emit(Report{Package: pkg, Scenario: name, Schedules: 1, Violation: v})
			if v != nil {
				t.Errorf("%s: %v", name, v)
			}
			return
		}
		fail(t, fmt.Sprintf("no scenario %q in %s", name, pkg))
	}
	var run []sched.Scenario
	for _, s := range scenarios {
		if strings.Contains(s.Name, *only) {
			run = append(run, s)
		}
	}
	from := *bound
	if *minBound {
		from = 0
	}
	// Bounds outermost: with -interleave.minbound the first bound at which
	// any scenario finds a violation is the smallest that does, and the
	// exploration stops there. Each scenario's figures add up over the
	// bounds explored.
	reports := make([]Report, len(run))
	for b := from; b <= *bound; b++ {
		found := false
		for i, s := range run {
			start := time.Now()
			st, v := sched.Explore(s, sched.Options{Bound: b, NoDedup: *noDedup})
			r := &reports[i]
			*r = Report{Package: pkg, Scenario: s.Name, Bound: b, Schedules: r.Schedules + st.Schedules, States: r.States + st.States,
				Pruned: r.Pruned + st.Pruned, MaxSteps: max(r.MaxSteps, st.MaxSteps), Millis: r.Millis + time.Since(start).Milliseconds(), Violation: v}
			found = found || v != nil
		}
		if found {
			break
		}
	}
	for _, r := range reports {
		emit(r)
		if r.Violation != nil {
			t.Errorf("%s, bound %d: %v\nschedule %s", r.Scenario, r.Bound, r.Violation, r.Violation.Schedule)
		}
	}
}

// fail reports an error that is not a violation (a bad -interleave.replay)
// on a line of its own, which the lab passes on as it is.
func fail(t *testing.T, msg string) {
	fmt.Println(Prefix + "error: " + msg)
	t.Fatal(msg)
}

func emit(r Report) {
	data, err := json.Marshal(r)
	if err != nil {
		panic(err)
	}
	fmt.Println(Prefix + string(data))
}
