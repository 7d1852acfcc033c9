package course

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shipped answers like a well-made course: stubs fail, solutions pass.
func shipped(args string) (bool, string) {
	if strings.Contains(args, "-tags solution") {
		return true, "ok\n"
	}
	return false, "--- FAIL: TestX (0.00s)\npanic: TODO\nFAIL\n"
}

func TestVerifyPassesAWellMadeCourse(t *testing.T) {
	c, _ := loadFake(t)
	fake := &fakeGo{answer: shipped}
	c.Run = fake.run
	var out bytes.Buffer
	verdicts, err := c.Verify(&out)
	require.NoError(t, err)
	require.Len(t, verdicts, 2)
	assert.Equal(t, "01-double: ok (the stub fails as shipped, the solution passes)\n"+
		"02-broken: ok (the stub fails as shipped, the solution passes)\n"+
		"exercises: 2 stubs fail as shipped, 2 solutions pass\n", out.String())
	assert.ElementsMatch(t, []string{
		"-count=1 ./01-double", "-count=1 -tags solution ./01-double",
		"-count=1 ./02-broken", "-count=1 -tags solution ./02-broken",
	}, fake.runs(), "every stub and every solution, never from the test cache")
}

func TestVerifyReportsEachWayAnExerciseBreaks(t *testing.T) {
	for name, c := range map[string]struct {
		answer       func(args string) (bool, string)
		line, counts string
	}{
		"a stub that passes": {
			func(args string) (bool, string) {
				if args == "-count=1 ./01-double" {
					return true, "ok\n"
				}
				return shipped(args)
			},
			"01-double: BROKEN: the stub passes as shipped (it must fail until the learner writes it)",
			"exercises: 1 stubs fail as shipped, 2 solutions pass",
		},
		"a stub that does not compile": {
			func(args string) (bool, string) {
				if strings.HasSuffix(args, "-count=1 ./01-double") {
					return false, "FAIL\tx [build failed]\n"
				}
				return shipped(args)
			},
			"01-double: BROKEN: the stub does not compile as shipped (it must compile and fail its tests)",
			"exercises: 1 stubs fail as shipped, 2 solutions pass",
		},
		"a solution that fails": {
			func(args string) (bool, string) {
				if args == "-count=1 -tags solution ./01-double" {
					return false, "--- FAIL: TestDouble\nFAIL\n"
				}
				return shipped(args)
			},
			"01-double: BROKEN: the solution fails (it must pass)",
			"exercises: 2 stubs fail as shipped, 1 solutions pass",
		},
		"a solution without tests": {
			func(args string) (bool, string) {
				if strings.HasPrefix(args, "-count=1 -tags solution") {
					return true, "?   \tx\t[no test files]\n"
				}
				return shipped(args)
			},
			"01-double: BROKEN: the solution has no tests (it must pass)",
			"exercises: 2 stubs fail as shipped, 0 solutions pass",
		},
	} {
		course, _ := loadFake(t)
		course.Run = (&fakeGo{answer: c.answer}).run
		var out bytes.Buffer
		_, err := course.Verify(&out)
		assert.ErrorContains(t, err, "01-double", name)
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		assert.Equal(t, c.line, lines[0], name)
		assert.Equal(t, c.counts, lines[len(lines)-1], "%s: the last line counts what behaved", name)
		assert.Contains(t, out.String(), "    | ", "%s: the run that went wrong is shown", name)
	}
}

func TestVerifyCountsAnUnusableFolderAsBroken(t *testing.T) {
	dir := copyFake(t)
	require.NoError(t, os.Mkdir(filepath.Join(dir, "03-half-written"), 0o755))
	c, err := Load(dir)
	require.NoError(t, err)
	c.Run = (&fakeGo{answer: shipped}).run
	var out bytes.Buffer
	_, err = c.Verify(&out)
	assert.EqualError(t, err, "1 of 3 exercises broken: 03-half-written")
	assert.Contains(t, out.String(), "BROKEN: 03-half-written: README.md: no such file or directory\n"+
		"exercises: 2 stubs fail as shipped, 2 solutions pass\n")
}

func TestVerifyRefusesAnEmptyCourse(t *testing.T) {
	c := &Course{Dir: t.TempDir(), Run: (&fakeGo{answer: shipped}).run}
	var out bytes.Buffer
	_, err := c.Verify(&out)
	assert.ErrorContains(t, err, "no exercises found")
	assert.Equal(t, "exercises: 0 stubs fail as shipped, 0 solutions pass\n", out.String())
}

func TestVerifyWithTheRealGoCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test on the fake exercises module")
	}
	c, _ := loadFake(t)
	var out bytes.Buffer
	verdicts, err := c.Verify(&out)
	assert.EqualError(t, err, "1 of 2 exercises broken: 02-broken")
	require.Len(t, verdicts, 2)
	assert.True(t, verdicts[0].StubOK() && verdicts[0].SolutionOK(), "01-double is well made")
	assert.Equal(t, NoBuild, verdicts[1].Stub, "02-broken's stub does not compile: a broken stub, not a failing one")
	assert.Equal(t, Passed, verdicts[1].Solution)
	assert.Contains(t, out.String(), "cannot use 42", "the compiler's message says why")
	assert.True(t, strings.HasSuffix(out.String(), "\nexercises: 1 stubs fail as shipped, 2 solutions pass\n"), out.String())
}
