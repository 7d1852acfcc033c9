//go:build !rcrelease

package rctest_test

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rctest"
)

// runFixture runs the tests of rctest/testdata/scopes with go test -json
// and returns each top-level test's outcome and output, plus the output
// printed outside any test (VerifyTestMain's).
func runFixture(t *testing.T, env ...string) (outcome, output map[string]string) {
	t.Helper()
	rctest.RunGo(t, "version") // skips under -short, or without go
	cmd := exec.Command("go", "test", "-json", "-count=1", "./rctest/testdata/scopes")
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), env...)
	out, _ := cmd.Output() // the fixture fails on purpose
	outcome, output = map[string]string{}, map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		var e struct{ Action, Test, Output string }
		require.NoError(t, json.Unmarshal(sc.Bytes(), &e))
		switch e.Action {
		case "output":
			output[e.Test] += e.Output
		case "pass", "fail", "skip":
			if e.Test != "" {
				outcome[e.Test] = e.Action
			}
		}
	}
	return outcome, output
}

func TestALeakIsChargedToTheTestThatMadeIt(t *testing.T) {
	outcome, output := runFixture(t)
	assert.Equal(t, "fail", outcome["TestLeaker"], "TestLeaker lost a handle")
	assert.Contains(t, output["TestLeaker"], "rc: leak: allocation made at", "its own check reports it")
	assert.Contains(t, output["TestLeaker"], "scopes_test.go:24", "naming the line that made it")
	assert.Equal(t, "pass", outcome["TestNeighbour"],
		"a test running in parallel beside a leaker is never charged with its leak:\n%s", output["TestNeighbour"])
	assert.Equal(t, "fail", outcome["TestLeakInAGoroutine"], "a leak on a goroutine the test started is the test's")
	assert.Contains(t, output["TestLeakInAGoroutine"], "scopes_test.go:46")
	assert.Equal(t, "pass", outcome["TestUnchecked"], "a test that checks nothing passes")
	assert.Contains(t, output[""], "rc: leak: allocation made at", "VerifyTestMain reports the leak no test claimed")
	assert.Contains(t, output[""], "TestUnchecked", "and its site names the test that made it")
	assert.NotContains(t, output[""], "scopes_test.go:24", "a leak already charged to its test is not reported twice")
	assert.Contains(t, output[""], "rc: leak: arc allocation made at", "VerifyTestMain covers arc's allocations")
	assert.Contains(t, output[""], "scopes_test.go:61", "with the line that made it")
	assert.Contains(t, output[""], "rc: leak: refcount reference acquired at", "and refcount's references")
	assert.Contains(t, output[""], "scopes_test.go:64", "with the line that acquired it")
}

func TestAPanickingTestPrintsNoLeaks(t *testing.T) {
	outcome, output := runFixture(t, "SCOPES_PANIC=1")
	assert.Equal(t, "fail", outcome["TestPanics"])
	assert.Contains(t, output["TestPanics"], "TODO: not written yet", "the panic is the failure the learner reads")
	assert.NotContains(t, output["TestPanics"], "rc: leak", "a test that stopped half-way is not also charged with the handles it never got to drop")
}
