package course

import (
	"bytes"
	"errors"
	"io"
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

func TestTestTurnsEventsBackIntoText(t *testing.T) {
	c, _ := loadFake(t)
	c.Run = func(_ string, _ []string, out io.Writer) (bool, error) {
		for _, part := range []string{
			`{"Action":"start","Package":"x"}` + "\n" + `{"Action":"output","Test":"TestA","Out`,
			`put":"--- FAIL: TestA (0.00s)\n"}` + "\ngo: a warning in plain text\n",
			`{"Action":"output","Output":"FAIL\tx\t0.01s\n"}`, // the stream ends without a newline
		} {
			if _, err := io.WriteString(out, part); err != nil {
				return false, err
			}
		}
		return false, nil
	}
	var out bytes.Buffer
	o, err := c.Test(c.Exercises[0], &out)
	require.NoError(t, err)
	assert.Equal(t, Failed, o)
	assert.Equal(t, "--- FAIL: TestA (0.00s)\ngo: a warning in plain text\nFAIL\tx\t0.01s\n", out.String(),
		"verify reads go test's text: each event's Output, even one split across writes, and other lines as they are")
}

func TestTestWithTheRealGoCommandPrintsText(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test on the fake exercises module")
	}
	c, _ := loadFake(t)
	var out bytes.Buffer
	o, err := c.Test(c.Exercises[1], &out)
	require.NoError(t, err)
	assert.Equal(t, NoBuild, o, out.String())
	assert.Contains(t, out.String(), "02-broken/exercise.go:8:9: cannot use 42", "the compiler's message, as text")
	assert.NotContains(t, out.String(), `"Action"`, "no JSON reaches verify's report")
}
