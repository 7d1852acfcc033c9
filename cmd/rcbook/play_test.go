package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/term"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/play"
)

// fakeStdin returns a file whose content is keys, as a piped standard
// input would be.
func fakeStdin(t *testing.T, keys string) *os.File {
	t.Helper()
	path := filepath.Join(t.TempDir(), "stdin")
	require.NoError(t, os.WriteFile(path, []byte(keys), 0o600))
	f, err := os.Open(path)
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f
}

func TestStepModeShowsEachCommandAndWaitsForEnter(t *testing.T) {
	script := filepath.Join(t.TempDir(), "script.txt")
	require.NoError(t, os.WriteFile(script, []byte("# Make one.\nnew a 5\n# Share it.\nclone a b\ndrop a\n"), 0o600))
	var out strings.Builder
	require.NoError(t, playOn(fakeStdin(t, "\n\n"), &out, script, false))
	got := out.String()
	assert.Contains(t, got, "# Make one.\nrc> new a 5   [Enter runs it, q stops]\n#1 new:",
		"projector mode shows the comment and the command, then runs it once Enter is read")
	assert.Contains(t, got, "# Share it.\nrc> clone a b   [Enter runs it, q stops]\n#1 strong 1 -> 2",
		"each command waits for its own Enter")
	assert.Contains(t, got, "rc> drop a   [Enter runs it, q stops]\nstopped before this command",
		"at the end of the keys the session stops before the command it shows")
	assert.NotContains(t, got, "#1 strong 2 -> 1", "the command after the last Enter does not run")
	assert.Contains(t, got, "session over: 1 allocation still live", "and says what is left")

	out.Reset()
	require.NoError(t, playOn(fakeStdin(t, "\nq\n\n"), &out, script, false))
	assert.NotContains(t, out.String(), "#1 strong 1 -> 2", "q stops the session before the command shown")
}

func TestStepModeNeedsItsFile(t *testing.T) {
	err := playOn(fakeStdin(t, ""), &strings.Builder{}, filepath.Join(t.TempDir(), "missing.txt"), false)
	require.Error(t, err, "a missing script is an error, not an empty session")
}

func TestPipedScriptRunsWithoutPrompt(t *testing.T) {
	var out strings.Builder
	require.NoError(t, playOn(fakeStdin(t, "new a 1\n"), &out, "", true))
	assert.True(t, strings.HasPrefix(out.String(), "rc> new a 1\n#1 new:"), "a piped script is echoed with -echo, without a greeting:\n%s", out.String())
}

// TestTerminalRecallsTheLastLineWithUpArrow plays what a terminal sends in
// raw mode: a line, then up-arrow and Enter, then Ctrl-D. x/term's
// Terminal recalls the line from its history, so the command runs again,
// and no escape code reaches play.
func TestTerminalRecallsTheLastLineWithUpArrow(t *testing.T) {
	keys := strings.NewReader("new a 1\r\x1b[A\r\x04")
	var screen strings.Builder
	tm := term.NewTerminal(struct {
		io.Reader
		io.Writer
	}{keys, &screen}, "rc> ")
	require.NoError(t, play.RunLines(tm, tm, play.Options{Prompt: true}))
	got := screen.String()
	assert.Contains(t, got, "a still holds a handle", "up-arrow recalled new a 1, which ran again:\n%s", got)
	assert.NotContains(t, got, "[A", "the escape code is never taken for a command")
	assert.Contains(t, got, "session over: 1 allocation still live", "Ctrl-D ends the session with its summary")
}
