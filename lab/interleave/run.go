package interleave

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"github.com/rcbook/rcbook/lab"
)

// Violation is a broken rule and the schedule that breaks it, as the
// scenario test reports it (lab/sched.Violation).
type Violation struct {
	Rule, Message, Schedule string
	Trace                   []string
}

// Report is what exploring one scenario found (lab/sched/schedtest.Report).
type Report struct {
	Package, Scenario                string
	Bound, Schedules, States, Pruned int
	MaxSteps                         int
	Millis                           int64
	Violation                        *Violation
}

// Options say how to explore.
type Options struct {
	Bound    int    // preemptions per schedule
	MinBound bool   // try bounds 0..Bound, stopping each scenario at the first that finds a violation
	Run      string // only the scenarios whose names contain this
	Replay   string // SCENARIO:SCHEDULE: one schedule, traced
	NoDedup  bool
}

// Explore builds target t under root with its steps rewritten (and mutant
// m's edit, if m is not nil), runs its TestInterleave, and returns one
// report per scenario, and the replayed trace if opts.Replay is set.
func Explore(root string, t Target, m *lab.Mutant, opts Options) ([]Report, []string, error) {
	dir, err := os.MkdirTemp("", "rcbook-interleave-")
	if err != nil {
		return nil, nil, err
	}
	defer os.RemoveAll(dir)
	overlay, err := Overlay(root, dir, t, m)
	if err != nil {
		return nil, nil, err
	}
	args := []string{"test", "-v", "-tags", "rcinterleave", "-overlay", overlay, "-count=1", "-timeout", "20m",
		"-run", "^TestInterleave$", "./" + t.Package, "-args",
		"-interleave.bound=" + strconv.Itoa(opts.Bound), "-interleave.run=" + opts.Run}
	if opts.MinBound {
		args = append(args, "-interleave.minbound")
	}
	if opts.NoDedup {
		args = append(args, "-interleave.nodedup")
	}
	if opts.Replay != "" {
		args = append(args, "-interleave.replay="+opts.Replay)
	}
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var reports []Report
	var trace []string
	sc := bufio.NewScanner(bytes.NewReader(stdout.Bytes()))
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		line, ok := strings.CutPrefix(sc.Text(), "interleave: ")
		if !ok {
			continue
		}
		if msg, isErr := strings.CutPrefix(line, "error: "); isErr {
			return nil, nil, fmt.Errorf("interleave: %s: %s", t.Package, msg)
		}
		if step, isStep := strings.CutPrefix(line, "  "); isStep {
			trace = append(trace, step)
			continue
		}
		var r Report
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			return nil, nil, fmt.Errorf("interleave: %s: unreadable report %q: %v", t.Package, line, err)
		}
		reports = append(reports, r)
	}
	if len(reports) == 0 && (runErr != nil || opts.Run == "") {
		name := "the tree"
		if m != nil {
			name = "mutant " + m.Name
		}
		return nil, nil, fmt.Errorf("interleave: %s with %s: go test reported no scenario (%v)\n%s%s", t.Package, name, runErr,
			lastLines(stdout.String(), 30), lastLines(stderr.String(), 30))

	}
	return reports, trace, nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n") + "\n"
}
