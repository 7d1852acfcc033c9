package course

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClassifyReadsGoTestsVerdictAndOutput(t *testing.T) {
	for _, c := range []struct {
		passed bool
		output string
		want   Outcome
	}{
		{true, "ok  \texample.com/exercises/01-double\t0.004s\n", Passed},
		{true, "ok  \texample.com/exercises/01-double\t(cached)\n", Passed},
		{true, "?   \texample.com/exercises/03-empty\t[no test files]\n", NoTests},
		{false, "--- FAIL: TestDouble (0.00s)\npanic: TODO: return twice n [recovered, repanicked]\nFAIL\texample.com/exercises/01-double\t0.004s\n", Failed},
		{false, "# example.com/exercises/02-broken\n02-broken/exercise.go:8:9: cannot use 42\nFAIL\texample.com/exercises/02-broken [build failed]\n", NoBuild},
		{false, "# ./09-gone\nstat 09-gone: directory not found\nFAIL\t./09-gone [setup failed]\n", NoBuild},
	} {
		assert.Equal(t, c.want, classify(c.passed, c.output), c.output)
	}
}

func TestOutcomesReadAsTheEndOfASentence(t *testing.T) {
	assert.Equal(t, "fails", Failed.String())
	assert.Equal(t, "does not compile", NoBuild.String())
	assert.Equal(t, "passes", Passed.String())
	assert.Equal(t, "has no tests", NoTests.String())
	assert.Equal(t, "could not be run", RunFailed.String())
}

func TestTestRunsTheExercisePackageInTheCourseDirectory(t *testing.T) {
	c, _ := loadFake(t)
	var dir string
	c.Run = func(d string, args []string, out io.Writer) (bool, error) {
		dir = d
		_, err := io.WriteString(out, "ok  \t"+args[len(args)-1]+"\n")
		return true, err
	}
	var out bytes.Buffer
	o, err := c.Test(c.Exercises[1], &out, "-count=1", "-tags", "solution")
	require.NoError(t, err)
	assert.Equal(t, Passed, o)
	assert.Equal(t, fakeModule, dir, "go test runs in the exercises module")
	assert.Equal(t, "ok  \t./02-broken\n", out.String(), "the output is passed through")

	c.Run = func(string, []string, io.Writer) (bool, error) { return false, errors.New("go: not found") }
	o, err = c.Test(c.Exercises[0], io.Discard)
	assert.EqualError(t, err, "go: not found")
	assert.Equal(t, RunFailed, o)
}

func TestCheckMarksAPassingExerciseDone(t *testing.T) {
	c, p := loadFake(t)
	fake := &fakeGo{answer: func(args string) (bool, string) {
		return args == "./01-double", "output of " + args + "\n"
	}}
	c.Run = fake.run

	var out bytes.Buffer
	o, err := c.Check(c.Exercises[1], p, &out)
	require.NoError(t, err)
	assert.Equal(t, Failed, o)
	assert.False(t, p.Done("02-broken"), "a failing check leaves the exercise pending")

	o, err = c.Check(c.Exercises[0], p, &out)
	require.NoError(t, err)
	assert.Equal(t, Passed, o)
	assert.True(t, p.Done("01-double"))
	assert.Equal(t, []string{"./02-broken", "./01-double"}, fake.runs(), "check runs the learner's code: no -tags solution")
	assert.Equal(t, "output of ./02-broken\noutput of ./01-double\n", out.String())

	saved, err := LoadProgress(filepath.Join(filepath.Dir(p.path), ProgressFile))
	require.NoError(t, err)
	assert.True(t, saved.Done("01-double"), "the mark is saved at once")
}

func TestCheckWithTheRealGoCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test on the fake exercises module")
	}
	c, p := loadFake(t)
	var out bytes.Buffer
	o, err := c.Check(c.Exercises[0], p, &out)
	require.NoError(t, err)
	assert.Equal(t, Failed, o, "the stub panics with TODO: a test failure")
	assert.Contains(t, out.String(), "panic: TODO: return twice n", "go test's output streams through")
	assert.False(t, p.Done("01-double"))

	out.Reset()
	o, err = c.Check(c.Exercises[1], p, &out)
	require.NoError(t, err)
	assert.Equal(t, NoBuild, o, out.String())
	assert.Contains(t, out.String(), "cannot use 42", "the compiler's message reaches the learner")
}
