package course

import (
	"bytes"
	"io"
	"strings"
)

// Check checks the learner's code for ex, writes the report to out, and
// records the verdict in p, saved at once: an exercise that passes is
// marked done, which opens its solution, and one that does not is marked
// pending again, so that breaking a done exercise shows. It returns the
// outcome; the caller says the verdict.
func (c *Course) Check(ex Exercise, p *Progress, out io.Writer) (Outcome, error) {
	r, err := c.checkReport(ex, p, goVet)
	if r == nil {
		return RunFailed, err
	}
	r.Print(out)
	return r.Outcome, err // err: the verdict could not be saved
}

// CheckReport is Check without the printing: it examines ex, records the
// verdict in p, and returns the report.
func (c *Course) CheckReport(ex Exercise, p *Progress) (*Report, error) {
	return c.checkReport(ex, p, goVet)
}

// checkReport is CheckReport with the vetRunner to use.
func (c *Course) checkReport(ex Exercise, p *Progress, vet vetRunner) (*Report, error) {
	r, err := c.examine(ex, vet)
	if err != nil {
		return nil, err
	}
	done := r.Outcome == Passed
	if p.Done(ex.Slug) == done {
		return r, nil
	}
	p.Mark(ex.Slug, done)
	return r, p.Save()
}

// Examine runs go vet -json and then go test -json (through c.Run) on the
// learner's code for ex, and returns what they found. It changes nothing.
// Its error is for a go command that could not be run at all.
func (c *Course) Examine(ex Exercise) (*Report, error) { return c.examine(ex, goVet) }

// examine is Examine with the vetRunner to use.
func (c *Course) examine(ex Exercise, vet vetRunner) (*Report, error) {
	paths := newShortener(ex)
	r := &Report{Exercise: ex}
	stdout, trouble, err := vet(c.Dir, ex.Package())
	if err != nil {
		return nil, err
	}
	var problems []string
	r.Findings, problems = readVet(stdout, paths)
	if trouble != "" {
		problems = append(problems, cleanVetTrouble(trouble, paths)...)
	}
	r.VetTrouble = strings.Join(problems, "\n")

	tests, passed, err := c.runTests(ex, paths)
	if err != nil {
		return nil, err
	}
	if tests.buildFailed && trouble == "" && tests.events > 0 {
		// go vet type-checked the code, so the compiler can too: what failed
		// the build is the subset of vet that go test runs first, and its
		// findings are already in r.Findings. The tests still have their say.
		tests, passed, err = c.runTests(ex, paths, "-vet=off")
		if err != nil {
			return nil, err
		}
	}
	tests.finish()
	r.Build, r.Tests, r.Output = tests.build, tests.tests, tests.output
	r.Outcome = outcome(tests, passed, len(r.Findings))
	return r, nil
}

// maxRuns bounds the runs of one check: one, and one more after each test
// that panicked.
const maxRuns = 100

// runTests runs ex's tests with go test -json. A panic ends the test
// binary, and with it the tests that had not run yet, so that a stub's
// first TODO would hide all the others; after a panic, go test runs again,
// skipping the tests that have run, until none is left. passed is false if
// any run failed.
func (c *Course) runTests(ex Exercise, paths shortener, flags ...string) (*testRecord, bool, error) {
	tests := newTestRecord(paths)
	passed := true
	args := flags
	for range maxRuns {
		var out bytes.Buffer
		before := len(tests.tests)
		ok, err := c.Run(c.Dir, append(append([]string{}, args...), ex.Package()), &lockedWriter{w: &out})
		if err != nil {
			return nil, false, err
		}
		passed = passed && ok
		panicked := tests.read(out.String())
		if !panicked || len(tests.tests) == before || tests.buildFailed {
			break
		}
		args = append(append([]string{}, flags...), "-skip", tests.skipPattern())
	}
	return tests, passed, nil
}

// outcome is the verdict on the tests' runs and go vet's findings.
func outcome(tests *testRecord, passed bool, findings int) Outcome {
	var o Outcome
	switch {
	case tests.events == 0: // a Runner that spoke text only
		o = classify(passed, tests.text.String())
	case tests.buildFailed:
		o = NoBuild
	case !passed || tests.failed || tests.anyFailed():
		o = Failed
	case len(tests.tests) == 0:
		o = NoTests
	default:
		o = Passed
	}
	if o == Passed && findings > 0 {
		return Failed // a copied handle is a bug whether or not a test notices it
	}
	return o
}

// cleanVetTrouble keeps the lines of go vet's standard error that say
// something: not the "# package" lines, and with paths shortened.
func cleanVetTrouble(trouble string, paths shortener) []string {
	var lines []string
	for _, line := range strings.Split(trouble, "\n") {
		if line != "" && !strings.HasPrefix(line, "# ") {
			lines = append(lines, paths.line(strings.TrimPrefix(line, "vet: ")))
		}
	}
	return lines
}
