package course

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
)

// Verdict is what Verify found for one exercise.
type Verdict struct {
	Exercise       Exercise
	Stub           Outcome // as shipped; must be Failed
	Solution       Outcome // with -tags solution; must be Passed
	StubOutput     string  // what go test printed for the stub
	SolutionOutput string  // what go test printed for the solution
}

// StubOK reports whether the stub fails its tests as shipped: it compiles,
// its tests run, and they fail, so that the learner has work to do.
func (v Verdict) StubOK() bool { return v.Stub == Failed }

// SolutionOK reports whether the reference solution passes the tests.
func (v Verdict) SolutionOK() bool { return v.Solution == Passed }

// String is the verdict's line in verify's report.
func (v Verdict) String() string {
	if v.StubOK() && v.SolutionOK() {
		return fmt.Sprintf("%s: ok (the stub fails as shipped, the solution passes)", v.Exercise.Slug)
	}
	var wrong []string
	if !v.StubOK() {
		want := "it must compile and fail its tests"
		if v.Stub == Passed {
			want = "it must fail until the learner writes it"
		}
		wrong = append(wrong, fmt.Sprintf("the stub %s as shipped (%s)", v.Stub, want))
	}
	if !v.SolutionOK() {
		wrong = append(wrong, fmt.Sprintf("the solution %s (it must pass)", v.Solution))
	}
	return fmt.Sprintf("%s: BROKEN: %s", v.Exercise.Slug, strings.Join(wrong, "; "))
}

// Verify checks the stubs and solutions in c's folder: every stub must
// compile and fail its tests (go test -count=1), and every solution must
// pass them (go test -count=1 -tags solution). Run it on a pristine copy,
// as VerifyShipped does: in a learner's folder, every exercise they have
// solved would be reported broken. It writes one line per exercise to out,
// followed by the output of each run that went wrong, and ends with the
// line "exercises: N stubs fail as shipped, M solutions pass". The error
// names the broken exercises, counting the folders in Problems among them.
//
// Exercises are tested a few at a time; the lines still come in order.
func (c *Course) Verify(out io.Writer) ([]Verdict, error) {
	verdicts := make([]Verdict, len(c.Exercises))
	ready := make([]chan error, len(c.Exercises))
	slots := make(chan struct{}, max(1, min(4, runtime.NumCPU())))
	for i, ex := range c.Exercises {
		ready[i] = make(chan error, 1)
		go func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			ready[i] <- c.verifyOne(ex, &verdicts[i])
		}()
	}

	var stubs, solutions int
	var broken []string
	var runErr error
	for i := range c.Exercises {
		if err := <-ready[i]; err != nil {
			runErr = errors.Join(runErr, err)
			continue
		}
		v := verdicts[i]
		fmt.Fprintln(out, v)
		if v.StubOK() {
			stubs++
		} else {
			fmt.Fprintf(out, "  go test -count=1 %s\n%s", v.Exercise.Package(), indent(v.StubOutput))
		}
		if v.SolutionOK() {
			solutions++
		} else {
			fmt.Fprintf(out, "  go test -count=1 -tags solution %s\n%s", v.Exercise.Package(), indent(v.SolutionOutput))
		}
		if !v.StubOK() || !v.SolutionOK() {
			broken = append(broken, v.Exercise.Slug)
		}
	}
	for _, problem := range c.Problems {
		fmt.Fprintf(out, "BROKEN: %v\n", problem)
		broken = append(broken, problem.Slug)
	}
	fmt.Fprintf(out, "exercises: %d stubs fail as shipped, %d solutions pass\n", stubs, solutions)
	switch {
	case runErr != nil:
		return verdicts, runErr
	case len(broken) > 0:
		return verdicts, fmt.Errorf("%d of %d exercises broken: %s",
			len(broken), len(c.Exercises)+len(c.Problems), strings.Join(broken, ", "))
	case len(c.Exercises) == 0:
		return verdicts, fmt.Errorf("no exercises found in %s", c.Dir)
	}
	return verdicts, nil
}

// verifyOne runs ex's stub and solution, keeping the output for the report.
func (c *Course) verifyOne(ex Exercise, v *Verdict) error {
	v.Exercise = ex
	var stub, solution bytes.Buffer
	var err error
	if v.Stub, err = c.Test(ex, &stub, "-count=1"); err != nil {
		return fmt.Errorf("%s: %w", ex.Slug, err)
	}
	if v.Solution, err = c.Test(ex, &solution, "-count=1", "-tags", "solution"); err != nil {
		return fmt.Errorf("%s: %w", ex.Slug, err)
	}
	v.StubOutput, v.SolutionOutput = stub.String(), solution.String()
	return nil
}

// indent prefixes every line of go test's output, so that it reads as part
// of the exercise's entry in the report.
func indent(output string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimRight(output, "\n"), "\n") {
		b.WriteString("    | " + line + "\n")
	}
	return b.String()
}
