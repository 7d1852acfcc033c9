package course

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gitFolder makes a git work tree holding files, for Pack to list.
func gitFolder(t *testing.T, files map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("Pack lists files with git, and there is no git here")
	}
	dir := t.TempDir()
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	}
	out, err := exec.Command("git", "init", "-q", dir).CombinedOutput()
	require.NoError(t, err, "git init: %s", out)
	return dir
}

func TestPackTakesWhatGitWouldTakeAndFormatGivesItBack(t *testing.T) {
	dir := gitFolder(t, map[string]string{
		"go.mod":                     "module example.com/exercises\n",
		"01-a/README.md":             "# 01. A\n",
		"01-a/exercise.go":           "package a\n",
		"01-a/empty.txt":             "",
		"02-b/.gitignore":            "testdata/rapid/\n",
		"02-b/testdata/rapid/x.fail": "a failure file\n",
		".progress.json":             `{"01-a": true}` + "\n",
		".gitignore":                 "/.progress.json\n",
	})
	a, err := Pack(dir, "a comment\n")
	require.NoError(t, err)
	assert.Equal(t, []string{".gitignore", "01-a/README.md", "01-a/empty.txt", "01-a/exercise.go", "02-b/.gitignore", "go.mod"}, a.Names(),
		"new files are packed; what .gitignore leaves out (progress, rapid's failures) is not")

	back, err := ParseArchive(a.Format())
	require.NoError(t, err)
	assert.Equal(t, a, back, "the text form gives back exactly the files and the comment packed")
	want := "a comment\n-- .gitignore --\n/.progress.json\n-- 01-a/README.md --\n# 01. A\n-- 01-a/empty.txt --\n-- 01-a/exercise.go --\n"
	assert.True(t, strings.HasPrefix(string(a.Format()), want),
		"the text form is txtar: a comment, then a marker line before each file, in path order:\n%s", a.Format())
}

func TestPackRefusesWhatTheTextFormCannotHold(t *testing.T) {
	_, err := Pack(gitFolder(t, map[string]string{"a.go": "package a"}), "")
	assert.ErrorContains(t, err, "a.go: does not end with a newline", "txtar would add a newline the file does not have")

	_, err = Pack(gitFolder(t, map[string]string{"README.md": "text\n-- b.go --\nmore\n"}), "")
	assert.ErrorContains(t, err, `README.md: the line "-- b.go --" would read as the start of another file`)

	_, err = Pack(t.TempDir(), "")
	assert.ErrorContains(t, err, "git ls-files", "outside a git work tree Pack cannot tell which files belong")
}

func TestParseArchiveRefusesBadPaths(t *testing.T) {
	for _, text := range []string{
		"-- ../x --\n",
		"-- /etc/passwd --\n",
		"-- a/../b --\n",
		"-- . --\n",
		"-- a --\n-- a --\n",
		"just a comment\n",
	} {
		_, err := ParseArchive([]byte(text))
		assert.Error(t, err, "an archive must name each file once, by a clean relative path: %q", text)
	}
}
