package course

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeArchive is the fake exercises module as a shipped course, with the
// go.mod of a course that takes the library from ../, as exercises/ does.
func fakeArchive(t *testing.T) *Archive {
	t.Helper()
	a := &Archive{Files: map[string][]byte{}}
	require.NoError(t, filepath.WalkDir(fakeModule, func(p string, d os.DirEntry, err error) error {
		require.NoError(t, err)
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(fakeModule, p)
		require.NoError(t, err)
		a.Files[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	}))
	a.Files["go.mod"] = []byte("module github.com/rcbook/rcbook/exercises\n\ngo 1.24\n\n" +
		"require github.com/rcbook/rcbook v0.0.0\n\nreplace github.com/rcbook/rcbook => ../\n")
	return a
}

// tidyOnly runs go mod edit for real and answers go mod tidy with err.
func tidyOnly(err error, calls *[]string) GoCommand {
	return func(dir string, args []string, out io.Writer) error {
		*calls = append(*calls, strings.Join(args, " "))
		if args[1] == "tidy" {
			io.WriteString(out, "go: downloading things\n")
			return err
		}
		return RunGo(dir, args, out)
	}
}

func TestInitWritesTheCourseWithoutSolutionsAndTidies(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "course")
	var calls []string
	var out bytes.Buffer
	require.NoError(t, Init(dir, fakeArchive(t), Library{Version: "v1.2.0"}, tidyOnly(nil, &calls), &out))

	c, err := Load(dir)
	require.NoError(t, err)
	require.Len(t, c.Exercises, 2, "every exercise is written")
	for _, ex := range c.Exercises {
		assert.FileExists(t, ex.Stub(), "%s: the stub is written", ex.Slug)
		assert.FileExists(t, ex.README(), "%s: the README is written", ex.Slug)
		assert.NoFileExists(t, ex.Solution(), "%s: the solution waits until the exercise passes", ex.Slug)
	}
	assert.FileExists(t, filepath.Join(dir, "01-double", "double_test.go"), "the tests are written")
	assert.FileExists(t, filepath.Join(dir, "01-double", "double.go"), "the shared files are written")

	mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	require.NoError(t, err)
	assert.Contains(t, string(mod), "require github.com/rcbook/rcbook v1.2.0", "the course requires the library at rcbook's version")
	assert.NotContains(t, string(mod), "replace", "a released course points at no checkout")
	assert.Equal(t, "mod tidy", calls[len(calls)-1], "go mod tidy runs last, to complete go.sum")
	assert.Contains(t, out.String(), "Running go mod tidy there: it downloads", "init says it is going to the module proxy")
	assert.Contains(t, out.String(), "Wrote 2 exercises to "+dir+".\nIts go.mod requires github.com/rcbook/rcbook v1.2.0.\n")

	place, err := Find(filepath.Join(dir, "02-broken"))
	require.NoError(t, err)
	assert.Equal(t, Place{Dir: dir}, place, "every exercises command finds the course init wrote")
}

func TestInitFromACheckoutReplacesTheLibrary(t *testing.T) {
	dir := t.TempDir()
	var calls []string
	var out bytes.Buffer
	require.NoError(t, Init(dir, fakeArchive(t), Library{Dir: "/src/rcbook"}, tidyOnly(nil, &calls), &out))
	assert.Contains(t, out.String(), "Its go.mod replaces github.com/rcbook/rcbook with\n  /src/rcbook\n", "init says where the library comes from")
	mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	require.NoError(t, err)
	assert.Contains(t, string(mod), "replace github.com/rcbook/rcbook => /src/rcbook", "a development build's course uses its checkout")
}

func TestInitRefusesAFolderThatHoldsSomething(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine\n"), 0o644))
	var calls []string
	err := Init(dir, fakeArchive(t), Library{Version: "v1.2.0"}, tidyOnly(nil, &calls), io.Discard)
	assert.ErrorIs(t, err, ErrNotEmpty)
	assert.Empty(t, calls, "nothing runs")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "nothing is written beside the learner's file")
}

func TestInitSaysHowToFinishWhenTidyFails(t *testing.T) {
	dir := t.TempDir()
	var calls []string
	err := Init(dir, fakeArchive(t), Library{Version: "v1.2.0"}, tidyOnly(errors.New("exit status 1"), &calls), io.Discard)
	assert.ErrorContains(t, err, "once the module proxy can be reached, run go mod tidy in "+dir)
	assert.FileExists(t, filepath.Join(dir, "01-double", "exercise.go"), "the course stays written")
}
