package play_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/play"
)

// FuzzReplay feeds Replay what a browser could send. Replay must not panic,
// must give one Step per command line, and every State must agree with
// itself: each allocation's counts are the handles that point at it.
// go test runs the seeds (every scenario in docs/play, and a few scripts
// that mix every command); go test -fuzz=FuzzReplay explores further.
func FuzzReplay(f *testing.F) {
	scripts, err := filepath.Glob("../../../../docs/play/*.txt")
	require.NoError(f, err)
	for _, path := range scripts {
		script, err := os.ReadFile(path)
		require.NoError(f, err)
		f.Add(string(script))
	}
	f.Add("new a 1\nnew b 2\nset a.next b\nset b.next a\nset b.parent a\nadd a.children b\nunset a.next\ndrop a\ndrop b\n")
	f.Add("new a 1\nborrow a r\nmakemut a 3\ndowngrade a w\nrelease r\nmakemut a\nunwrap a\nupgrade w c\n")
	f.Add("pool 2\npnew a 1\nadd a.children a\nset a.parent a\nunset a.children\nclone a b\nmove b c\ngetmut c 9\n")
	f.Add("new a 1\nborrowmut a m\ndrop a\nrelease m\nrelease m\n")
	f.Fuzz(func(t *testing.T, script string) {
		steps := play.Replay(script)
		require.Len(t, steps, commandLines(script), "one Step per command line")
		copies := strings.Contains(script, "copy")
		for i, s := range steps {
			require.NotContainsf(t, s.Problem, "internal error", "step %d %q: play's own bug", i, s.Line)
			if copies {
				continue // a copy made without Clone is counted nowhere: the counts disagree on purpose
			}
			if s.Refusal != nil && strings.HasPrefix(s.Refusal.Message, "cell: Drop") {
				copies = true // a node whose cell refused to drop keeps its links counted, unseen
				continue
			}
			checkCounts(t, s)
		}
	})
}

// commandLines counts the lines of script that hold a command, as Replay
// reads them.
func commandLines(script string) int {
	n := 0
	for _, line := range strings.Split(strings.ReplaceAll(script, "\r\n", "\n"), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) != "" {
			n++
		}
	}
	return n
}

// checkCounts asserts that every allocation's counts are the handles that
// point at it, names and the fields of live nodes, and that a leak is one
// no name points at.
func checkCounts(t require.TestingT, s play.Step) {
	strong, weak := map[int]int{}, map[int]int{}
	named := map[int]bool{}
	for _, h := range s.State.Handles {
		if h.Spent != "" || h.To == 0 {
			continue
		}
		named[h.To] = true
		if h.Kind == "strong" {
			strong[h.To]++
		} else {
			weak[h.To]++
		}
	}
	for _, a := range s.State.Allocs {
		for _, f := range a.Fields {
			if f.Kind == "strong" {
				strong[f.To]++
			} else if f.To != 0 {
				weak[f.To]++
			}
		}
	}
	for _, a := range s.State.Allocs {
		if a.State == "freed" {
			continue
		}
		assert.Equalf(t, strong[a.ID], a.Strong, "%q: #%d's strong count is the strong names and links to it", s.Line, a.ID)
		assert.Equalf(t, weak[a.ID], a.Weak, "%q: #%d's weak count is the Weak names and links to it", s.Line, a.ID)
		if a.Leaked {
			assert.Falsef(t, named[a.ID], "%q: #%d is leaked, so no name points at it", s.Line, a.ID)
		}
	}
}

// TestReplayCountsHoldForRandomScripts is FuzzReplay's check on scripts
// made of play's own commands, over a few names, so that nearly every
// line does something: links, borrows, uniqueness and pools mixed.
func TestReplayCountsHoldForRandomScripts(t *testing.T) {
	names := []string{"a", "b", "c", "w"}
	fields := []string{"next", "parent", "children"}
	rapid.Check(t, func(rt *rapid.T) {
		name := rapid.SampledFrom(names)
		var lines []string
		for range rapid.IntRange(1, 30).Draw(rt, "steps") {
			x, y := name.Draw(rt, "x"), name.Draw(rt, "y")
			f := rapid.SampledFrom(fields).Draw(rt, "field")
			lines = append(lines, rapid.SampledFrom([]string{
				"new " + x + " 1", "clone " + x + " " + y, "move " + x + " " + y, "drop " + x,
				"downgrade " + x + " " + y, "upgrade " + x + " " + y, "dangling " + x,
				"getmut " + x, "makemut " + x + " 5", "unwrap " + x,
				"set " + x + ".next " + y, "set " + x + ".parent " + y, "add " + x + ".children " + y,
				"unset " + x + "." + f, "borrow " + x + " " + y, "borrowmut " + x + " " + y, "release " + x,
				"pool 1", "pnew " + x + " 2",
			}).Draw(rt, "command"))
		}
		script := strings.Join(lines, "\n")
		steps := play.Replay(script)
		require.Len(rt, steps, len(lines), "one Step per command line")
		for i, s := range steps {
			require.NotContainsf(rt, s.Problem, "internal error", "step %d %q: play's own bug", i, s.Line)
			if s.Refusal != nil && strings.HasPrefix(s.Refusal.Message, "cell: Drop") {
				return // a node whose cell refused to drop keeps its links counted, unseen
			}
			checkCounts(rt, s)
		}
	})
}
