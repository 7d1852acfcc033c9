package lab

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/rcbook/rcbook/invariants/model"
)

// Options says how hard to hunt each mutant.
type Options struct {
	Checks  int           // rapid runs per model test
	Seed    uint64        // rapid's seed for the model tests, so that a run is repeatable; 0 draws one
	Depth   int           // how deep the explorer goes
	Timeout time.Duration // go test's -timeout: a mutant that makes a test hang is killed by it
}

// Result is what the lab found for one mutant.
type Result struct {
	Mutant
	// Err is set when the mutant could not be tried at all: its old text
	// no longer occurs once, or the mutated package does not compile. Such
	// a mutant is neither killed nor survived.
	Err    error
	Killed bool     // the tests failed, as they must
	Failed []string // the tests that failed, in the order they finished
	// For Model mutants: the counterexamples, or nil where a tool missed.
	Rapid    *model.Violation // rapid's shrunk counterexample (TestModel or TestModelPooled)
	Explored *model.Violation // the explorer's shortest (TestExplore or TestExplorePooled)
	// For Model mutants: which build each kind of test killed it in.
	ByRapid, ByExplorer, ByUnitTests Kill
}

// Kill says whether, and in which build, a kind of test killed a mutant.
type Kill string

// The kills. Checked is the plain build; Release the build with the checks
// compiled out (-tags rcrelease), tried only when the plain one survived.
const (
	Survived Kill = ""
	Checked  Kill = "killed"
	Release  Kill = "killed (rcrelease)"
)

// String is how the lab's table says it.
func (k Kill) String() string {
	if k == Survived {
		return "survived"
	}
	return string(k)
}

// Caught names what caught a model mutant: the rule the explorer's
// violation cites, or "model" for a plain disagreement with the model.
func (r Result) Caught() string {
	if r.Explored == nil {
		return ""
	}
	return r.Explored.Mismatch.Caught()
}

// The tests a Model mutant faces, all in package rc: rapid's state machine
// and the explorer, each with heap and with pooled headers. A Model mutant
// is killed when one of the rapid tests and one of the explorer's fail, in
// the plain build or, failing that, with -tags rcrelease: the model-based
// checks alone. The unit tests (every other test of rc, weak and pool) are
// run apart, to show what they would catch on their own.
var (
	rapidTests   = []string{"TestModel", "TestModelPooled"}
	exploreTests = []string{"TestExplore", "TestExplorePooled"}
	modelTests   = append(append([]string(nil), rapidTests...), exploreTests...)
	// notUnit are the tests of package rc that use the model: the unit
	// runs skip them.
	notUnit      = append(append([]string(nil), modelTests...), "FuzzModel", "TestFuzzRegressionAllActionsSkipped")
	unitPackages = []string{"./rc", "./weak", "./pool"}
)

// RunMutants tries every mutant in ms against the code in the repository
// at root (each in its own module, the library's or the exercises'), one
// after another, and reports each result to progress as it comes, if
// progress is not nil.
func RunMutants(root string, ms []Mutant, opts Options, progress func(Result)) ([]Result, error) {
	dir, err := os.MkdirTemp("", "rcbook-lab-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	var results []Result
	for _, m := range ms {
		r := run(root, dir, m, opts)
		results = append(results, r)
		if progress != nil {
			progress(r)
		}
	}
	return results, nil
}

// run tries one mutant.
func run(root, dir string, m Mutant, opts Options) Result {
	r := Result{Mutant: m}
	overlay, err := m.Apply(root, dir)
	if err != nil {
		r.Err = err
		return r
	}
	reports := filepath.Join(dir, m.Name+".reports")
	if err := os.MkdirAll(reports, 0o755); err != nil {
		r.Err = err
		return r
	}
	moduleDir := filepath.Join(root, m.Module) // where go test runs: the mutant's module
	if m.Model {
		return runModel(r, moduleDir, overlay, reports, opts)
	}
	args := []string{"test", "-json", "-count=1", "-overlay", overlay, "-timeout", opts.Timeout.String()}
	if m.Race {
		args = append(args, "-race")
	}
	if m.Tags != "" {
		args = append(args, "-tags", m.Tags)
	}
	// One failing test is enough to kill the mutant: stop there.
	args = append(args, "-failfast", m.Package())
	if usesRapid(moduleDir, m.Package()) {
		// A failing rapid test would otherwise save its counterexample
		// under the package's testdata (the tree is never touched), and
		// spend minutes shrinking a counterexample nobody reads.
		args = append(args, "-args", "-rapid.nofailfile", "-rapid.shrinktime=1s")
	}
	failed, err := goTest(moduleDir, args, reports, opts)
	if err != nil {
		r.Err = fmt.Errorf("lab: mutant %s: %w", m.Name, err)
		return r
	}
	r.Failed = failed
	r.Killed = len(failed) > 0
	return r
}

// failures reads go test -json's events and returns the tests that failed
// (top-level names only), and whether the package failed to build.
//
// A test binary that dies (a panic on a goroutine other than the test's,
// the runtime's fatal "concurrent map writes", the go test timeout) ends
// no test: go test -json then reports only the package as failed. The
// tests that had started and never ended were running when it died, so
// they are the ones that failed; a package that failed with no test left
// running failed outside every test, in TestMain (goleak's check for
// leaked goroutines, say), and is reported as crashedOutsideTests.
func failures(events []byte) (failed []string, buildFailed bool) {
	sc := bufio.NewScanner(bytes.NewReader(events))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var running []string // top-level tests started and not yet ended, in order
	packageFailed := false
	for sc.Scan() {
		var e struct{ Action, Test string }
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			continue
		}
		if e.Test != "" && strings.Contains(e.Test, "/") {
			continue // a subtest: its parent says as much
		}
		switch {
		case e.Action == "build-fail":
			buildFailed = true
		case e.Test == "":
			packageFailed = packageFailed || e.Action == "fail"
		case e.Action == "run":
			running = append(running, e.Test)
		case e.Action == "pass" || e.Action == "fail" || e.Action == "skip":
			running = slices.DeleteFunc(running, func(t string) bool { return t == e.Test })
			if e.Action == "fail" {
				failed = append(failed, e.Test)
			}
		}
	}
	if packageFailed && !buildFailed {
		failed = append(failed, running...)
		if len(failed) == 0 {
			failed = append(failed, crashedOutsideTests)
		}
	}
	return failed, buildFailed
}

// crashedOutsideTests names a failure of the test binary outside every test.
const crashedOutsideTests = "(the test binary, outside any test: TestMain or a crash)"

// readReport returns the violation a model test wrote for the lab, or nil.
func readReport(dir, test, tool string) *model.Violation {
	data, err := os.ReadFile(filepath.Join(dir, model.ReportFile(test, tool)))
	if err != nil {
		return nil
	}
	var rep model.Report
	if json.Unmarshal(data, &rep) != nil {
		return nil
	}
	return &rep.Violation
}

// usesRapid reports whether pkg's test binary, built in dir, links rapid,
// whose flags it then accepts: imported by the tests themselves, or through
// the model's harness (modeltest), as the capstone's tests use it.
func usesRapid(dir, pkg string) bool {
	cmd := exec.Command("go", "list", "-deps", "-test", "-f", "{{.ImportPath}}", pkg)
	cmd.Dir = dir
	out, err := cmd.Output()
	return err == nil && slices.Contains(strings.Fields(string(out)), "pgregory.net/rapid")
}

func isExit(err error) bool {
	var exit *exec.ExitError
	return errors.As(err, &exit)
}
