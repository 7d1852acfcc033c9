package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/course"
)

// learnerCourse writes the course rcbook ships into a temporary folder as
// init does, without solutions and without go mod tidy (the commands
// tested here run no go test), and returns it with its exercises.
func learnerCourse(t *testing.T) (string, []course.Exercise) {
	t.Helper()
	shipped, err := course.Shipped()
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, shipped.WriteTo(dir, func(name string, data []byte) bool { return !course.IsSolution(name, data) }))
	c, err := course.Load(dir)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(c.Exercises), 2, "the course ships at least two exercises")
	return dir, c.Exercises
}

// runIn runs an exercises command line from the folder wd.
func runIn(t *testing.T, wd, line string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	err := exercises(wd, strings.Fields(line), strings.NewReader(""), &out)
	return out.String(), err
}

func TestWhereYouAreIsWhatYouMean(t *testing.T) {
	dir, exs := learnerCourse(t)
	first, second := exs[0], exs[1]

	out, err := runIn(t, second.Dir, "hint")
	require.NoError(t, err)
	assert.Contains(t, out, "Hint 1 of "+fmt.Sprint(len(second.Hints))+" for "+second.Slug[:2]+". "+second.Title,
		"in an exercise's folder, hint means that exercise, and shows its first hint only")
	assert.NotContains(t, out, second.Hints[len(second.Hints)-1], "the last hint, the nearest to the answer, waits to be asked for")

	out, err = runIn(t, second.Dir, "hint all")
	require.NoError(t, err)
	assert.Contains(t, out, "Hints for "+second.Slug[:2]+". "+second.Title, "hint all shows every hint of the exercise you are in")

	out, err = runIn(t, filepath.Join(dir), "hint")
	require.NoError(t, err)
	assert.Contains(t, out, "for "+first.Slug[:2]+". ", "outside any exercise's folder, hint means the first pending one")

	out, err = runIn(t, second.Dir, "hint "+first.Slug[:2]+" 1")
	require.NoError(t, err)
	assert.Contains(t, out, "Hint 1 of", "a number still names any exercise")

	_, err = runIn(t, dir, "solution")
	assert.ErrorContains(t, err, "solution: name the exercise by its number, or run this inside its folder",
		"solution never guesses the exercise from progress")
	_, err = runIn(t, second.Dir, "solution")
	assert.ErrorContains(t, err, "is not done yet", "a solution opens only after a pass")
	assert.NoFileExists(t, second.Solution(), "and is not written before")
}

func TestSolutionAfterAPassIsWrittenAndShown(t *testing.T) {
	dir, exs := learnerCourse(t)
	ex := exs[0]
	p, err := course.LoadProgress(filepath.Join(dir, course.ProgressFile))
	require.NoError(t, err)
	p.Mark(ex.Slug, true) // as check does after a pass
	require.NoError(t, p.Save())

	out, err := runIn(t, ex.Dir, "solution")
	require.NoError(t, err)
	assert.Contains(t, out, "//go:build solution", "the solution is shown")
	assert.Regexp(t, `Written to \S*solution.go, beside your exercise.go`, out, "in a course init wrote, it is written the first time")
	written, err := os.ReadFile(ex.Solution())
	require.NoError(t, err)
	assert.Contains(t, out, string(written), "what is shown is what is written")

	out, err = runIn(t, ex.Dir, "solution")
	require.NoError(t, err)
	assert.NotContains(t, out, "Written to", "the second time it is only shown")
}

func TestProgressOfACourseIsKeptInItsFolder(t *testing.T) {
	dir, exs := learnerCourse(t)
	require.NoError(t, os.WriteFile(filepath.Join(dir, course.ProgressFile), []byte(`{"`+exs[0].Slug+`": true}`), 0o644))
	out, err := runIn(t, filepath.Join(exs[1].Dir), "list")
	require.NoError(t, err)
	assert.Regexp(t, `(?m)^`+exs[0].Slug[:2]+` .* done$`, out, "list reads the progress file in the course's folder")
	assert.Contains(t, out, "What to do next: rcbook exercises next")
}

func TestExercisesUsageErrors(t *testing.T) {
	dir, _ := learnerCourse(t)
	for line, want := range map[string]string{
		"watch 1 2":  "exercises watch: wrong number of arguments",
		"reset":      "exercises reset: wrong number of arguments",
		"solutoin 1": `did you mean "solution"?`,
	} {
		_, err := runIn(t, dir, line)
		assert.ErrorContains(t, err, want, line)
		assert.Equal(t, 2, exitCode(err), "%s: a command line that cannot run exits 2", line)
	}
	_, err := runIn(t, t.TempDir(), "list")
	assert.ErrorIs(t, err, course.ErrNoCourse, "outside a course and a checkout there is nothing to list")
}

func TestInitRefusesAFolderThatHoldsSomething(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "mine.txt"), []byte("x\n"), 0o644))
	var out bytes.Buffer
	err := initCmd([]string{dir}, &out)
	assert.ErrorIs(t, err, course.ErrNotEmpty)
	assert.Equal(t, 2, exitCode(initCmd([]string{"a", "b"}, &out)), "two folders is a usage error")
	err = initCmd([]string{"-replace", t.TempDir(), filepath.Join(t.TempDir(), "new")}, &out)
	assert.ErrorContains(t, err, "not a checkout of rcbook", "-replace must name a checkout")
}

func TestCRLFEndsLinesForARawTerminal(t *testing.T) {
	var b bytes.Buffer
	n, err := crlf{&b}.Write([]byte("one\ntwo\n"))
	require.NoError(t, err)
	assert.Equal(t, 8, n, "the count is of the bytes given, as io.Writer requires")
	assert.Equal(t, "one\r\ntwo\r\n", b.String())
}
