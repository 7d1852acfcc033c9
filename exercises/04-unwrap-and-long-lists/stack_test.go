package unwrap

import (
	"fmt"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"testing"
)

// stackLimit is the most stack the long-list tests let a goroutine use:
// 8 MiB, the stack Linux gives a program's main thread by default
// (ulimit -s), in Rust as in C. A drop written as a loop needs a few
// kilobytes of it, however long the list. A drop that recurses needs some
// hundreds of bytes per node: the naive drop of 1 000 000 nodes grows a
// goroutine's stack to 512 MiB, and 2 000 000 nodes pass Go's own limit
// of 1 GB and kill the program.
const stackLimit = 8 << 20

// childEnv names the test that a child process of the test binary runs
// under the stack limit.
const childEnv = "RCBOOK_EXERCISE_STACK_LIMITED_TEST"

// underStackLimit runs body as the test t, with no goroutine allowed more
// than stackLimit bytes of stack, and reports whether it ran out.
//
// Running out of stack is not a panic that a test can recover: the runtime
// prints "goroutine stack exceeds N-byte limit" and kills the whole
// process. So body runs in a child process: the test binary runs again,
// with only t's test, sets the limit with debug.SetMaxStack and calls
// body. This test reads how the child ended. Where a drop recurses, the
// limit is passed at the same depth on every run, so the answer is the same
// every time: the runtime doubles a stack when it is full and refuses to
// double it past the limit.
//
// If the child fails for another reason (an assertion in body, a panic),
// t fails with the child's output.
func underStackLimit(t *testing.T, body func(t *testing.T)) (overflowed bool) {
	t.Helper()
	if os.Getenv(childEnv) == t.Name() {
		old := debug.SetMaxStack(stackLimit)
		defer debug.SetMaxStack(old)
		body(t)
		return false
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+t.Name())
	out, err := cmd.CombinedOutput()
	output := string(out)
	switch {
	case err == nil:
		return false
	case strings.Contains(output, "goroutine stack exceeds"):
		t.Logf("with %d MiB of stack, the child process died:\n%s", stackLimit>>20, overflowSummary(output))
		return true
	default:
		t.Fatalf("%s ran in a child process of its own, with a %d MiB stack, and failed there:\n%s",
			t.Name(), stackLimit>>20, firstLines(output, 40))
		return false
	}
}

// overflowSummary keeps what matters of the runtime's report of a stack
// overflow: its first line and the innermost calls of the goroutine that
// overflowed, where the recursion shows as the same calls over and over.
func overflowSummary(output string) string {
	lines := strings.Split(output, "\n")
	var b strings.Builder
	calls := 0
	running := false
	for _, line := range lines {
		switch {
		case strings.Contains(line, "goroutine stack exceeds"):
			b.WriteString("    " + strings.TrimPrefix(line, "runtime: ") + "\n")
		case strings.HasPrefix(line, "goroutine ") && strings.HasSuffix(line, "[running]:"):
			running = true
			b.WriteString("    the innermost calls, newest first:\n")
		case running && line == "":
			running = false
		case running && calls < 12 && !strings.HasPrefix(line, "\t") && !strings.HasPrefix(line, "..."):
			if i := strings.LastIndex(line, "("); i > 0 {
				line = line[:i] // the arguments' raw words mean nothing here
			}
			b.WriteString("        " + line + "\n")
			calls++
		}
	}
	return b.String()
}

// firstLines returns the first n lines of s, and says how many it left out.
func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) <= n {
		return strings.Join(lines, "\n")
	}
	return strings.Join(lines[:n], "\n") + fmt.Sprintf("\n... (%d more lines)", len(lines)-n)
}
