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
)

// TestWorkshopScriptsRun plays every script in docs/play, as a workshop
// would project them, and checks that each command is one play knows.
func TestWorkshopScriptsRun(t *testing.T) {
	scripts, err := filepath.Glob("../../../../docs/play/*.txt")
	require.NoError(t, err)
	require.NotEmpty(t, scripts, "docs/play should hold the workshop scripts")
	for _, path := range scripts {
		t.Run(filepath.Base(path), func(t *testing.T) {
			script, err := os.ReadFile(path)
			require.NoError(t, err)
			out := run(t, string(script)) // a Go panic would fail the test here
			for _, typo := range []string{"unknown command", "usage:", "no handle named", "is not a handle name"} {
				assert.NotContainsf(t, out, typo,
					"%s should run without typing mistakes (its misuse is the library's to refuse)", path)
			}
			assert.Contains(t, out, "+-- #1 live", "%s should draw at least one allocation", path)
		})
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
