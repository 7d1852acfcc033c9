//go:build rcmutant

package lab

import (
	"flag"
	"strconv"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"github.com/rcbook/rcbook/internal/faults"
	"github.com/rcbook/rcbook/invariants/model"
	"github.com/rcbook/rcbook/properties"
)

// Result is what the lab found for one mutant.
type Result struct {
	faults.Info
	Killed bool // the property tests or the explorer failed, as they must

	RapidFailed  bool     // the rapid state machine found a failing run
	RapidRule    string   // the invariant its failure cites, or "model"
	RapidSteps   []string // the shrunk counterexample, step by step
	RapidProblem string   // what the failing check said

	Explored *model.Violation // the explorer's shortest counterexample, or nil
	Depth    int              // its length in steps: the smallest depth that kills the mutant
	Rule     string           // the invariant the explorer's failure cites, or "model"
}

// RunMutants switches on each fault in turn, runs the property tests with
// the given number of rapid checks and the explorer up to maxDepth against
// the broken build, and reports what caught it.
func RunMutants(checks, maxDepth int) []Result {
	if !flag.Parsed() { // outside go test: rapid reads go test's flags, so register and parse them
		testing.Init()
		_ = flag.CommandLine.Parse(nil)
	}
	defer faults.Set("")
	_ = flag.Set("rapid.checks", strconv.Itoa(checks))
	_ = flag.Set("rapid.nofailfile", "true")
	var results []Result
	for _, info := range faults.All {
		faults.Set(info.Fault)
		r := Result{Info: info}
		r.RapidFailed, r.RapidSteps, r.RapidProblem = runRapid()
		r.RapidRule = RuleIn(r.RapidProblem)
		cfg := Universe
		cfg.Depth = maxDepth
		if v := model.Explore(properties.Impl{}, cfg).Violation; v != nil {
			r.Explored, r.Rule = v, RuleIn(v.Problem)
			for _, step := range v.Trace {
				if !strings.HasPrefix(step, "//") {
					r.Depth++
				}
			}
		}
		r.Killed = r.RapidFailed && r.Explored != nil
		results = append(results, r)
	}
	return results
}

// runRapid runs the model's state machine against the current build and
// returns whether it failed, the shrunk counterexample and the message.
func runRapid() (failed bool, steps []string, problem string) {
	t := &recorder{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		rapid.Check(t, model.Machine(properties.Impl{}))
	}()
	<-done
	return t.failed, t.steps(), t.problem()
}
