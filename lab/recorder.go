//go:build rcmutant

package lab

import (
	"fmt"
	"regexp"
	"runtime"
	"strings"

	"github.com/rcbook/rcbook/invariants/model"
)

// recorder is the rapid.TB the lab runs the property tests with, outside
// go test: it keeps what rapid logs and reports instead of printing it.
type recorder struct {
	failed bool
	logs   []string
	errors []string
}

func (r *recorder) Helper()      {}
func (r *recorder) Name() string { return "lab" }
func (r *recorder) Logf(format string, args ...any) {
	r.logs = append(r.logs, fmt.Sprintf(format, args...))
}
func (r *recorder) Log(args ...any)                   { r.logs = append(r.logs, fmt.Sprint(args...)) }
func (r *recorder) Skipf(format string, args ...any)  { runtime.Goexit() }
func (r *recorder) Skip(args ...any)                  { runtime.Goexit() }
func (r *recorder) SkipNow()                          { runtime.Goexit() }
func (r *recorder) Errorf(format string, args ...any) { r.fail(fmt.Sprintf(format, args...)) }
func (r *recorder) Error(args ...any)                 { r.fail(fmt.Sprint(args...)) }
func (r *recorder) Fatalf(format string, args ...any) {
	r.fail(fmt.Sprintf(format, args...))
	runtime.Goexit()
}
func (r *recorder) Fatal(args ...any) { r.fail(fmt.Sprint(args...)); runtime.Goexit() }
func (r *recorder) FailNow()          { r.failed = true; runtime.Goexit() }
func (r *recorder) Fail()             { r.failed = true }
func (r *recorder) Failed() bool      { return r.failed }

func (r *recorder) fail(msg string) {
	r.failed = true
	r.errors = append(r.errors, msg)
}

// steps returns the shrunk counterexample: the harness logs each step as a
// one-line Go statement, and rapid replays the smallest failing run last.
func (r *recorder) steps() []string {
	var steps []string
	for _, l := range r.logs {
		if l == "" || strings.HasPrefix(l, "[rapid]") || strings.Contains(l, "\n") {
			continue
		}
		steps = append(steps, l)
	}
	return steps
}

var rapidPanic = regexp.MustCompile(`\[rapid\] panic after \d+ tests?: (.*)`)

// problem condenses rapid's report to the check's own words.
func (r *recorder) problem() string {
	all := strings.Join(r.errors, "\n")
	if m := rapidPanic.FindStringSubmatch(all); m != nil {
		return "panic: " + m[1]
	}
	// A failed check calls FailNow; its words are in the log of the
	// replayed failing run.
	return model.Condense(strings.Join(r.logs, "\n") + "\n" + all)
}
