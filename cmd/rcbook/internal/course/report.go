package course

import (
	"fmt"
	"io"
	"strings"
)

// Report is what one check of an exercise found, in the order the learner
// reads it: go vet's findings, then the compiler's messages or each test's
// result. Course.Examine makes one; Print writes it for a terminal.
type Report struct {
	Exercise   Exercise
	Findings   []Finding     // go vet's, in file and line order; any one of them fails the check
	VetTrouble string        // why go vet could not check the code, or ""; the compiler says it better when the build fails
	Build      []string      // the compiler's messages, when the package or its tests did not compile
	Tests      []*TestResult // every test that ran, in the order it ran; a subtest comes after its parent
	Output     []string      // what was printed outside any test: the go command's own errors, a TestMain's leak reports
	Outcome    Outcome       // the verdict: Passed only if vet found nothing and every test passed
}

// Count counts the top-level tests that passed, failed and were skipped.
// Subtests are part of their parent's result.
func (r *Report) Count() (passed, failed, skipped int) {
	for _, t := range r.Tests {
		switch {
		case strings.Contains(t.Name, "/"):
		case t.Passed:
			passed++
		case t.Skipped:
			skipped++
		default:
			failed++
		}
	}
	return passed, failed, skipped
}

// Summary says in a few words why the exercise does not pass yet, for the
// verdict's line: "go vet found 1 problem and 2 of 5 tests fail". It is
// "" when the exercise passes.
func (r *Report) Summary() string {
	passed, failed, _ := r.Count()
	var why []string
	if n := len(r.Findings); n > 0 {
		why = append(why, "go vet found "+plural(n, "problem"))
	}
	switch r.Outcome {
	case Passed:
		return ""
	case NoBuild:
		return strings.Join(append(why, "the code does not compile"), " and ")
	case NoTests:
		return strings.Join(append(why, "there are no tests to run"), " and ")
	}
	switch {
	case failed == 1:
		why = append(why, fmt.Sprintf("1 of %d tests fails", passed+failed))
	case failed > 1:
		why = append(why, fmt.Sprintf("%d of %d tests fail", failed, passed+failed))
	case len(why) > 0 && len(r.Tests) > 0:
		return why[0] + ", though the tests pass"
	case len(why) == 0:
		why = append(why, "go test failed")
	}
	return strings.Join(why, " and ")
}

// Print writes the report for a terminal, a blank line between its parts:
//
//	go vet found 1 problem:
//	exercise.go:15: return *r copies a handle without Clone:
//	    the copy is counted nowhere, so dropping both gives up one share twice.
//	    Use r.Clone() to share, r.Move() to transfer.
//
//	go test: 1 of 3 tests pass
//	FAIL TestOpen
//	    not written yet: Open (exercise.go:10)
//	ok   TestTheReportsAreLogged
//	    leak_test.go:16: allocation made at exercise.go:7 (03-leak.Lose) was never freed: ...
//
// A clean go vet prints nothing. A passing test is listed only if it
// printed something: logs the exercise asks the learner to read. Lines the
// go command printed that were not go test -json's events come last, as
// they are.
func (r *Report) Print(w io.Writer) {
	var parts []string
	if len(r.Findings) > 0 {
		lines := []string{fmt.Sprintf("go vet found %s:", plural(len(r.Findings), "problem"))}
		for _, f := range r.Findings {
			lines = append(lines, f.String())
		}
		parts = append(parts, strings.Join(lines, "\n"))
	}
	if r.VetTrouble != "" && r.Outcome != NoBuild {
		parts = append(parts, "go vet could not check the code:\n"+indentBy("    ", r.VetTrouble))
	}
	if len(r.Build) > 0 {
		parts = append(parts, "go test: the code does not compile:\n"+strings.Join(r.Build, "\n"))
	}
	if len(r.Tests) > 0 {
		parts = append(parts, r.tests())
	}
	if len(r.Output) > 0 {
		parts = append(parts, strings.Join(r.Output, "\n"))
	}
	if len(parts) > 0 {
		fmt.Fprintln(w, strings.Join(parts, "\n\n"))
	}
}

// tests is the tests' part of the report: the count, then each test that
// failed or has something to say.
func (r *Report) tests() string {
	passed, failed, skipped := r.Count()
	head := fmt.Sprintf("go test: %d of %d tests pass", passed, passed+failed)
	if skipped > 0 {
		head += fmt.Sprintf(" (%d skipped)", skipped)
	}
	lines := []string{head}
	for _, t := range r.Tests {
		if !t.Failed() && len(t.Output) == 0 && len(t.Leaks) == 0 {
			continue
		}
		mark := "FAIL"
		switch {
		case t.Passed:
			mark = "ok  "
		case t.Skipped:
			mark = "skip"
		}
		lines = append(lines, mark+" "+t.Name)
		for _, line := range t.Output {
			if !strings.HasPrefix(line, "    ") { // go test indents what a test logs; fmt.Print does not
				line = "    " + line
			}
			lines = append(lines, strings.TrimRight(line, " "))
		}
		for _, leak := range t.Leaks {
			lines = append(lines, "    "+leak)
		}
		if t.Panic != nil {
			lines = append(lines, indentBy("    ", t.Panic.String()))
		}
	}
	return strings.Join(lines, "\n")
}

// plural counts n things: "1 problem", "2 problems".
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// indentBy puts prefix before every line of text.
func indentBy(prefix, text string) string {
	return prefix + strings.ReplaceAll(text, "\n", "\n"+prefix)
}
