package play_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/play"
	"github.com/rcbook/rcbook/rctest"
)

// scenario is one line of docs/play/scenarios.tsv, the index the web
// playground reads.
type scenario struct {
	file, title string
	chapters    []string
}

// readScenarios parses the index, checking its format: a header line, then
// file, chapters (two-digit numbers, comma-separated) and title, tab apart.
func readScenarios(t *testing.T) []scenario {
	t.Helper()
	data, err := os.ReadFile("../../../../docs/play/scenarios.tsv")
	require.NoError(t, err, "docs/play/scenarios.tsv indexes the scenarios")
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	require.Equal(t, "file\tchapters\ttitle", lines[0], "the index starts with its header line")
	var all []scenario
	for _, line := range lines[1:] {
		cols := strings.Split(line, "\t")
		require.Lenf(t, cols, 3, "%q: three columns, tab apart", line)
		require.NotEmptyf(t, cols[2], "%q has a title", line)
		chapters := strings.Split(cols[1], ",")
		for _, c := range chapters {
			require.Regexpf(t, `^([0-9]{2}|A[0-9])$`, c, "%q: a chapter is two characters, as its file starts", line)
		}
		all = append(all, scenario{file: cols[0], title: cols[2], chapters: chapters})
	}
	return all
}

// TestEveryChapterHasAScenario checks the index against the book and the
// folder: every chapter (A1 aside) has a scenario, every scenario listed
// exists and every script in docs/play is listed.
func TestEveryChapterHasAScenario(t *testing.T) {
	covered := map[string]bool{}
	listed := map[string]bool{}
	for _, s := range readScenarios(t) {
		assert.FileExistsf(t, filepath.Join("../../../../docs/play", s.file), "the index lists %s", s.file)
		listed[s.file] = true
		for _, c := range s.chapters {
			covered[c] = true
		}
	}
	chapters, err := filepath.Glob("../../../../docs/chapters/[0-9][0-9]-*.md")
	require.NoError(t, err)
	require.NotEmpty(t, chapters)
	for _, ch := range chapters {
		assert.Truef(t, covered[filepath.Base(ch)[:2]], "chapter %s has a scenario in docs/play/scenarios.tsv", filepath.Base(ch))
	}
	scripts, err := filepath.Glob("../../../../docs/play/*.txt")
	require.NoError(t, err)
	for _, path := range scripts {
		assert.Truef(t, listed[filepath.Base(path)], "%s is listed in docs/play/scenarios.tsv", path)
	}
}

// TestScenariosReplayWithoutMistakes replays every scenario as the web
// playground does: no step may be a mistake of the learner's (a typo, an
// unknown name), while refusals, the library's, may be the lesson. Every
// line the terminal prints for it, picture and summary included, fits in
// play.Width columns.
func TestScenariosReplayWithoutMistakes(t *testing.T) {
	for _, s := range readScenarios(t) {
		t.Run(s.file, func(t *testing.T) {
			script, err := os.ReadFile(filepath.Join("../../../../docs/play", s.file))
			require.NoError(t, err)
			opens := false
			for _, c := range s.chapters {
				opens = opens || strings.HasPrefix(string(script), "# "+c+" ")
			}
			require.Truef(t, opens, "%s opens with a comment naming one of its chapters", s.file)
			if strings.Contains(string(script), "\ncopy ") {
				rctest.RequireChecks(t) // copy is refused where the checks are compiled out
			}
			steps := play.Replay(string(script))
			require.NotEmpty(t, steps)
			for _, step := range steps {
				assert.Emptyf(t, step.Problem, "%s: %q should be a command play runs", s.file, step.Line)
			}
			assert.NotEmpty(t, steps[0].Narration, "%s narrates its first command", s.file)
			for _, line := range strings.Split(run(t, string(script)), "\n") {
				assert.LessOrEqualf(t, len(line), play.Width, "%s prints a line wider than %d columns: %q", s.file, play.Width, line)
			}
		})
	}
}

func TestHelpAndRulesFitTheWidth(t *testing.T) {
	for _, line := range strings.Split(run(t, "help\nrules\nnew a_long_handle_name 1\nnwe b 1\n"), "\n") {
		assert.LessOrEqualf(t, len(line), play.Width, "every line fits in %d columns: %q", play.Width, line)
	}
}

func TestPromptGreetsAndPrompts(t *testing.T) {
	var out strings.Builder
	require.NoError(t, play.Run(strings.NewReader("new a 1\n"), &out, play.Options{Prompt: true}))
	assert.True(t, strings.HasPrefix(out.String(), "rcbook play:"), "a terminal session starts with a greeting:\n%s", out.String())
	assert.Contains(t, out.String(), "help for the commands", "the greeting says how to get help")
	assert.Equal(t, 2, strings.Count(out.String(), "rc> "), "one prompt per line read, plus the one that meets the end of input")
	assert.NotContains(t, out.String(), "rc> new a 1", "at a terminal the learner's own typing shows the command, so play does not echo it")
}

func TestScriptWithoutEchoPrintsOnlyResults(t *testing.T) {
	var out strings.Builder
	require.NoError(t, play.Run(strings.NewReader("new a 1\n"), &out, play.Options{}))
	assert.NotContains(t, out.String(), "rc> ", "a plain script prints no prompts")
	assert.True(t, strings.HasPrefix(out.String(), "#1 new:"), "and starts with the first result:\n%s", out.String())
}

func TestCommentsAndBlankLinesAreSkipped(t *testing.T) {
	out := run(t, "# a comment\n\nnew a 1   # trailing comment\n   \nclone a b\n")
	assert.Contains(t, out, "# a comment\n", "with echo, a comment line is shown as it is, to narrate a script")
	assert.Contains(t, out, "rc> new a 1   # trailing comment\n#1 new:", "a trailing comment does not disturb the command")
	assert.Contains(t, out, "#1 strong 1 -> 2", "commands after comments and blank lines still run")
}

func TestQuitStopsReading(t *testing.T) {
	out := run(t, "new a 1\nquit\nnew b 2\n")
	assert.NotContains(t, out, "#2", "nothing after quit runs")
}

func TestHelpAndRules(t *testing.T) {
	out := run(t, "help\nrules\n")
	for _, c := range []string{"new NAME INT", "clone SRC DST", "downgrade SRC DST", "upgrade WEAK DST", "drop NAME",
		"getmut NAME [INT]", "makemut NAME [INT]", "unwrap NAME", "move SRC DST", "dangling NAME", "show", "quit"} {
		assert.Containsf(t, out, "  "+c+" ", "help lists %q", c)
	}
	assert.Contains(t, out, "A freed allocation is drawn once", "help says what happens to freed allocations")
	assert.Contains(t, out, "I6 alias soundness: ", "rules prints the invariants the refusals cite")
}

// failingWriter fails every write, as a closed pipe would.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("pipe closed") }

func TestWriteErrorEndsRun(t *testing.T) {
	err := play.Run(strings.NewReader("new a 1\nnew b 2\n"), failingWriter{}, play.Options{})
	require.Error(t, err, "Run reports that its output failed instead of playing on to nobody")
	assert.Contains(t, err.Error(), "pipe closed", "the error keeps its cause")
}
