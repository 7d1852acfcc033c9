// Package lab is rcbook's verification lab: evidence that the checks catch
// real bugs, not just a claim that they would.
//
//   - Mutants: every fault in internal/faults is a bug a real implementer
//     makes. RunMutants switches each on in turn and runs the property tests
//     (rapid) and the exhaustive explorer against the broken build; each must
//     fail. Faults exist only in -tags rcmutant builds.
//   - Exploration: Explore runs every operation sequence up to a depth over a
//     small universe against the real rc and weak, with no violation allowed.
//
// cmd/rcbook's `lab mutants` and `lab explore` print these results, and the
// debugging playbook chapter is regenerated from them.
package lab

import (
	"regexp"

	"github.com/rcbook/rcbook/invariants/model"
	"github.com/rcbook/rcbook/properties"
)

// Universe is the bound every exploration uses: at most 3 live
// allocations, at most 4 handles to each.
var Universe = model.ExploreConfig{MaxAllocs: 3, MaxHandles: 4}

// Explore explores the real rc and weak to the given depth.
func Explore(depth int) model.ExploreResult {
	cfg := Universe
	cfg.Depth = depth
	return model.Explore(properties.Impl{}, cfg)
}

var ruleID = regexp.MustCompile(`\((I[1-7])[,)]`)

// RuleIn returns the first invariant ID a check's message cites, such as
// "I5" in "rc: Get: use after free (I5)", or "model" when the message cites
// none: the implementation disagreed with the reference model on a count or
// a value.
func RuleIn(message string) string {
	if m := ruleID.FindStringSubmatch(message); m != nil {
		return m[1]
	}
	return "model"
}
