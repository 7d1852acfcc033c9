package course

import (
	"encoding/json"
	"regexp"
	"strings"
)

// testEvent is one line of `go test -json`: test2json's TestEvent, and the
// build events (Go 1.24 and later) that carry the compiler's messages.
type testEvent struct {
	Action      string // start, run, output, pass, fail, skip, ...; build-output, build-fail
	Package     string // the package's import path
	Test        string // the test, or "" for the package as a whole
	Output      string // one line of output, newline included
	FailedBuild string // set on the package's fail event when it did not compile
}

// decodeEvent reads one line of go test -json's output. ok is false for a
// line that is not an event: the go command prints some of its own errors
// as plain text, and a fake Runner may print nothing else.
func decodeEvent(line string) (e testEvent, ok bool) {
	if !strings.HasPrefix(line, "{") {
		return testEvent{}, false
	}
	if err := json.Unmarshal([]byte(line), &e); err != nil || e.Action == "" {
		return testEvent{}, false
	}
	return e, true
}

// TestResult is what one test did, read from go test -json's events.
type TestResult struct {
	Name    string   // TestOpen, or Parent/sub for a subtest
	Passed  bool     // it ran to the end and passed
	Skipped bool     // it called t.Skip; a test that is neither failed
	Output  []string // what it printed, without go test's "=== RUN" and "--- FAIL" lines or the panic's trace
	Leaks   []string // its leak reports, each from "rc: leak: " on
	Panic   *Panic   // why it panicked, if it did; a panic also ends the test binary
}

// Failed reports whether the test failed: it said so, or it never said
// anything (the binary died under it).
func (t *TestResult) Failed() bool { return !t.Passed && !t.Skipped }

// testRecord gathers what one or more go test -json runs of an exercise
// said. Runs after the first only run the tests that had not run yet.
type testRecord struct {
	paths       shortener
	pkg         string // the package's import path, from the events
	tests       []*TestResult
	byName      map[string]*TestResult
	traces      map[string][]string // each panicking test's trace, from its "panic: " line on
	build       []string            // the compiler's messages
	output      []string            // lines printed outside any test, and lines that were not events
	text        strings.Builder     // everything, as go test without -json would print it
	events      int                 // how many events were read: none means the Runner spoke text only
	buildFailed bool                // the package or its tests did not compile
	failed      bool                // go test said the package failed
}

func newTestRecord(paths shortener) *testRecord {
	return &testRecord{paths: paths, byName: map[string]*TestResult{}, traces: map[string][]string{}}
}

// read takes in the output of one go test -json run. It reports whether a
// test panicked in that run, which means the tests after it did not run.
func (r *testRecord) read(output string) (panicked bool) {
	for _, line := range strings.SplitAfter(output, "\n") {
		if line == "" {
			continue
		}
		e, ok := decodeEvent(line)
		if !ok {
			r.text.WriteString(line)
			r.output = append(r.output, strings.TrimRight(line, "\n"))
			continue
		}
		r.events++
		r.text.WriteString(e.Output)
		if e.Package != "" {
			r.pkg = e.Package
		}
		if r.event(e) {
			panicked = true
		}
	}
	return panicked
}

// event takes in one event; it reports whether the event starts a panic.
func (r *testRecord) event(e testEvent) (panicStarts bool) {
	line := strings.TrimRight(e.Output, "\n")
	switch {
	case e.Action == "build-output":
		if !strings.HasPrefix(line, "# ") { // "# pkg [pkg.test]" only names the package
			r.build = append(r.build, r.paths.line(line))
		}
	case e.Action == "build-fail":
		r.buildFailed = true
	case e.Test == "":
		r.packageEvent(e, line)
	case e.Action == "run":
		r.test(e.Test)
	case e.Action == "output":
		return r.testOutput(r.test(e.Test), line)
	case e.Action == "pass":
		r.test(e.Test).Passed = true
	case e.Action == "skip":
		r.test(e.Test).Skipped = true
	}
	return false
}

// packageEvent takes in an event about the package as a whole.
func (r *testRecord) packageEvent(e testEvent, line string) {
	switch e.Action {
	case "fail":
		r.failed = true
		r.buildFailed = r.buildFailed || e.FailedBuild != ""
	case "output":
		if !goTestFraming(line) {
			r.output = append(r.output, r.paths.line(line))
		}
	}
}

// test returns the result of the test named name, adding it in the order
// the tests ran.
func (r *testRecord) test(name string) *TestResult {
	t := r.byName[name]
	if t == nil {
		t = &TestResult{Name: name}
		r.byName[name] = t
		r.tests = append(r.tests, t)
	}
	return t
}

// testOutput files one line a test printed: a leak report, a line of a
// panic's trace, or output to show. It reports whether the line starts a
// panic.
func (r *testRecord) testOutput(t *TestResult, line string) (panicStarts bool) {
	if trace, panicking := r.traces[t.Name]; panicking {
		r.traces[t.Name] = append(trace, line)
		return false
	}
	switch {
	case strings.HasPrefix(line, "panic: "): // the runtime writes it at the start of a line
		r.traces[t.Name] = []string{line}
		return true
	case goTestFraming(strings.TrimLeft(line, " ")):
	case strings.Contains(line, leakPrefix):
		_, report, _ := strings.Cut(line, leakPrefix)
		t.Leaks = append(t.Leaks, leakPrefix+r.paths.line(report))
	default:
		t.Output = append(t.Output, r.paths.line(line))
	}
	return false
}

// anyFailed reports whether a test failed.
func (r *testRecord) anyFailed() bool {
	for _, t := range r.tests {
		if t.Failed() {
			return true
		}
	}
	return false
}

// leakPrefix starts every leak report rctest writes.
const leakPrefix = "rc: leak: "

// finish reads the panics' traces, once every run is in.
func (r *testRecord) finish() {
	for name, trace := range r.traces {
		r.byName[name].Panic = readPanic(trace, r.pkg, r.paths)
	}
}

// framing is the lines go test writes around a test's own output (the
// ones test2json turns into events) and after the tests.
var framing = regexp.MustCompile(`^(=== (RUN|PAUSE|CONT|NAME) |--- (FAIL|PASS|SKIP|BENCH): |(ok  |FAIL|\?   )\t|(PASS|FAIL)$|testing: warning: no tests to run)`)

// goTestFraming reports whether line is go test's framing rather than
// anything a test or the code printed.
func goTestFraming(line string) bool { return framing.MatchString(line) }

// skipPattern is a -skip pattern that matches the top-level tests that
// have run, so that a run after a panic runs only the others.
func (r *testRecord) skipPattern() string {
	var names []string
	for _, t := range r.tests {
		if !strings.Contains(t.Name, "/") {
			names = append(names, regexp.QuoteMeta(t.Name))
		}
	}
	return "^(" + strings.Join(names, "|") + ")$"
}
