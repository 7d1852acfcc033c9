package stack

import (
	"fmt"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
)

// stackLimit is the most stack the million-node test lets a goroutine use.
// A destructor that queues its tail keeps every drop a few kilobytes deep,
// however long the stack; one that calls Drop on its tail nests a call per
// node, some 400 bytes each, and passes the limit after a few thousand.
const stackLimit = 1 << 20

// childEnv names the test that a child process of the test binary runs
// under the stack limit.
const childEnv = "RCBOOK_EXERCISE_STACK_LIMITED_TEST"

// TestAMillionNodeStackDropsOnASmallStack pushes a million values and drops
// the only version, with no goroutine allowed more than 1 MiB of stack.
//
// Running out of stack is not a panic a test can recover: the runtime
// kills the whole process. So the drop runs in a child process, the test
// binary again with only this test, and this test reads how it ended.
func TestAMillionNodeStackDropsOnASmallStack(t *testing.T) {
	if os.Getenv(childEnv) == t.Name() {
		before := rc.LiveAllocations()
		const n = 1_000_000
		var s Stack
		for i := range n {
			next := s.Push(fmt.Sprint(i))
			s.Drop()
			s = Stack{top: next.top.Move()}
		}
		require.Equal(t, n, rc.LiveAllocations()-before, "one node per push")
		old := debug.SetMaxStack(stackLimit)
		defer debug.SetMaxStack(old)
		s.Drop()
		require.Equal(t, before, rc.LiveAllocations(), "one Drop frees the whole stack")
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+t.Name())
	out, err := cmd.CombinedOutput()
	if err == nil {
		return
	}
	output := string(out)
	if strings.Contains(output, "goroutine stack exceeds") {
		t.Fatalf("dropping a million-node stack ran out of %d MiB of stack: the node destructors nest. "+
			"Give the tail to the drop in progress with DropInto(q), not Drop, so that each destructor returns "+
			"before the next one runs (chapter 07).", stackLimit>>20)
	}
	lines := strings.Split(output, "\n")
	t.Fatalf("the million-node drop failed in its child process:\n%s", strings.Join(lines[:min(len(lines), 40)], "\n"))
}
