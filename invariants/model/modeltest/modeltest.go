// Package modeltest runs the reference model of package model inside go
// test: a rapid state machine that drives an implementation through random
// operation sequences (Machine, Check), and the exhaustive explorer
// (Explore). Both report a failure the same way, as a model.Violation: the
// steps as Go statements, then what the check found.
//
// When the environment variable RCBOOK_REPORT (model.ReportDir) names a
// directory, a failing check also writes its Violation there as a
// model.Report, so that a tool (the verification lab) can read which rule
// was broken and by which steps without parsing the test's output.
package modeltest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"pgregory.net/rapid"

	"github.com/rcbook/rcbook/invariants/model"
)

// Check runs Machine(impl) under rapid: 100 random runs by default, more
// with -rapid.checks. A failing run is shrunk to a shortest one and
// reported with its steps.
func Check(t *testing.T, impl model.Impl) {
	t.Helper()
	rapid.Check(t, Machine(impl))
}

// Explore runs the exhaustive explorer and fails t with the shortest
// violation it finds, if any. It returns the result for the caller to log
// or inspect.
func Explore(t testing.TB, impl model.Impl, cfg model.ExploreConfig) model.ExploreResult {
	t.Helper()
	res := model.Explore(impl, cfg)
	if v := res.Violation; v != nil {
		report(t, "explore", v)
		t.Fatalf("the explorer found a sequence the implementation gets wrong (caught by %s):\n%v", v.Mismatch.Caught(), v)
	}
	return res
}

// report writes v for t to $RCBOOK_REPORT/<test>.<tool>.json, if the
// variable is set. rapid calls the property again for every smaller failing
// run it finds and once more for the smallest; each write replaces the
// last, so the file ends up holding the shrunk counterexample.
// While rapid shrinks, its runs have no test behind them (an empty Name);
// only the runs a test sees are written.
func report(t rapid.TB, tool string, v *model.Violation) {
	dir := os.Getenv(model.ReportDir)
	if dir == "" || t.Name() == "" {
		return
	}
	data, err := json.Marshal(model.Report{Test: t.Name(), Tool: tool, Violation: *v})
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, model.ReportFile(t.Name(), tool)), data, 0o644)
	}
	if err != nil {
		t.Logf("modeltest: could not write the report: %v", err)
	}
}
