package course

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// printed is what r.Print writes.
func printed(r *Report) string {
	var out bytes.Buffer
	r.Print(&out)
	return out.String()
}

func TestPrintPutsVetFirstThenEachFailingTest(t *testing.T) {
	r := &Report{
		Findings: []Finding{{File: "exercise.go", Line: 15, Source: "return *r", Span: "*r", Copy: CopiedHandle}},
		Tests: []*TestResult{
			{Name: "TestOpen", Panic: &Panic{Message: "TODO: open", Func: "Open", File: "exercise.go", Line: 10}},
			{Name: "TestQuiet", Passed: true},
			{Name: "TestLogs", Passed: true, Output: []string{"    x_test.go:3: a report to read"}},
			{Name: "TestLeaks", Output: []string{"printed by fmt "}, Leaks: []string{"rc: leak: allocation made at exercise.go:7"}},
			{Name: "TestSkipped", Skipped: true},
		},
		Outcome: Failed,
	}
	assert.Equal(t, "go vet found 1 problem:\n"+
		"exercise.go:15: return *r copies a handle without Clone:\n"+
		"    the copy is counted nowhere, so dropping both gives up one share twice.\n"+
		"    Use r.Clone() to share, r.Move() to transfer.\n"+
		"\n"+
		"go test: 2 of 4 tests pass (1 skipped)\n"+
		"FAIL TestOpen\n"+
		"    not written yet: Open (exercise.go:10)\n"+
		"ok   TestLogs\n"+
		"    x_test.go:3: a report to read\n"+
		"FAIL TestLeaks\n"+
		"    printed by fmt\n"+
		"    rc: leak: allocation made at exercise.go:7\n", printed(r),
		"vet's findings come first; a passing test shows only if it logged something; output is indented under its test")
	assert.Equal(t, "go vet found 1 problem and 2 of 4 tests fail", r.Summary())
}

func TestPrintShowsTheCompilerInsteadOfVetsTrouble(t *testing.T) {
	r := &Report{
		VetTrouble: "exercise.go:8:9: cannot use 42",
		Build:      []string{"exercise.go:8:9: cannot use 42 (untyped int constant) as string value in return statement"},
		Outcome:    NoBuild,
	}
	assert.Equal(t, "go test: the code does not compile:\n"+
		"exercise.go:8:9: cannot use 42 (untyped int constant) as string value in return statement\n", printed(r),
		"when the build fails the compiler says it; vet's failure to type-check would only repeat it")
	assert.Equal(t, "the code does not compile", r.Summary())

	r = &Report{VetTrouble: "vet: something odd", Tests: []*TestResult{{Name: "TestA", Passed: true}}, Outcome: Passed}
	assert.Equal(t, "go vet could not check the code:\n    vet: something odd\n\ngo test: 1 of 1 tests pass\n", printed(r),
		"when the code builds, vet's trouble is worth reading")
}

func TestPrintPassesTextThroughAsItIs(t *testing.T) {
	r := &Report{Output: []string{"--- FAIL: ./01-double"}, Outcome: Failed}
	assert.Equal(t, "--- FAIL: ./01-double\n", printed(r),
		"a clean vet prints nothing, and lines that were not events are printed as they came")
	assert.Equal(t, "", printed(&Report{Outcome: Passed}), "nothing to say, nothing printed")
}

func TestSummarySaysWhyInAFewWords(t *testing.T) {
	one := []*TestResult{{Name: "TestA", Passed: true}, {Name: "TestB"}, {Name: "TestB/sub"}}
	for _, c := range []struct {
		r    Report
		want string
	}{
		{Report{Tests: one, Outcome: Failed}, "1 of 2 tests fails"},
		{Report{Findings: make([]Finding, 2), Tests: one[:1], Outcome: Failed}, "go vet found 2 problems, though the tests pass"},
		{Report{Outcome: NoTests}, "there are no tests to run"},
		{Report{Tests: one[:1], Output: []string{"rc: leak: in TestMain"}, Outcome: Failed}, "go test failed"},
		{Report{Tests: one[:1], Outcome: Passed}, ""},
	} {
		assert.Equal(t, c.want, c.r.Summary(), "subtests count with their parent: %+v", c.r)
	}
}

func TestPrintKeepsLinesShort(t *testing.T) {
	r := &Report{
		Findings: []Finding{
			{File: "exercise.go", Line: 3, Source: "func f(a rc.Rc[int]) {", Span: "a rc.Rc[int]", Copy: HandleParameter},
			{File: "exercise.go", Line: 6, Source: "for _, h := range hs {", Copy: RangedHandle},
		},
		Tests:   []*TestResult{{Name: "TestPick", Panic: &Panic{Message: "runtime error: index out of range [3] with length 1", Func: "Pick", File: "exercise.go", Line: 5}}},
		Outcome: Failed,
	}
	for _, line := range strings.Split(printed(r), "\n") {
		assert.LessOrEqual(t, len(line), 80, "rcbook's own lines fit a terminal: %q", line)
	}
}
