package course

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// events writes go test -json events, each {action, test, output}.
func events(list ...[3]string) string {
	var b strings.Builder
	for _, e := range list {
		line, _ := json.Marshal(testEvent{Action: e[0], Package: "example.com/exercises/01-double", Test: e[1], Output: e[2]})
		b.Write(append(line, '\n'))
	}
	return b.String()
}

// todoPanic is the events of a test that panics TODO in Double.
func todoPanic(test string) [][3]string {
	dir, _ := filepath.Abs(filepath.Join(fakeModule, "01-double"))
	return [][3]string{
		{"run", test, ""},
		{"output", test, "panic: TODO: return twice n [recovered, repanicked]\n"},
		{"output", test, "goroutine 7 [running]:\n"},
		{"output", test, "example.com/exercises/01-double.Double(...)\n"},
		{"output", test, "\t" + dir + "/exercise.go:7\n"},
		{"fail", test, ""},
	}
}

// cleanVet is a go vet that finds nothing.
func cleanVet(string, string) ([]byte, string, error) { return []byte("{}\n"), "", nil }

func TestCheckRunsTheTestsAPanicCutShort(t *testing.T) {
	c, p := loadFake(t)
	fake := &fakeGo{answer: func(args string) (bool, string) {
		switch args {
		case "./01-double":
			return false, events(append(todoPanic("TestA"), [3]string{"fail", "", ""})...)
		case "-skip ^(TestA)$ ./01-double":
			return false, events(append([][3]string{{"run", "TestB", ""}, {"pass", "TestB", ""}}, todoPanic("TestC")...)...)
		default:
			return true, events([3]string{"output", "", "testing: warning: no tests to run\n"}, [3]string{"pass", "", ""})
		}
	}}
	c.Run = fake.run
	r, err := c.checkReport(c.Exercises[0], p, cleanVet)
	require.NoError(t, err)
	assert.Equal(t, []string{"./01-double", "-skip ^(TestA)$ ./01-double", "-skip ^(TestA|TestB|TestC)$ ./01-double"}, fake.runs(),
		"a panic ends the test binary; go test runs again for the tests that had not run, until none is left")
	assert.Equal(t, Failed, r.Outcome)
	assert.Equal(t, "go test: 1 of 3 tests pass\n"+
		"FAIL TestA\n"+
		"    not written yet: Double (exercise.go:7)\n"+
		"FAIL TestC\n"+
		"    not written yet: Double (exercise.go:7)\n", printed(r), "every stub the tests reach is named")
	assert.Equal(t, "2 of 3 tests fail", r.Summary())
}

func TestCheckRunsTheTestsEvenIfGoTestsOwnVetFailsTheBuild(t *testing.T) {
	c, p := loadFake(t)
	fake := &fakeGo{answer: func(args string) (bool, string) {
		if args == "./01-double" {
			return false, `{"Action":"build-output","Output":"01-double/exercise.go:7:9: fmt.Sprintf format %d has arg n of wrong type string\n"}` +
				"\n" + `{"Action":"build-fail"}` + "\n" + events([3]string{"fail", "", ""})
		}
		return true, events([3]string{"run", "TestDouble", ""}, [3]string{"pass", "TestDouble", ""}, [3]string{"pass", "", ""})
	}}
	c.Run = fake.run
	vet := func(string, string) ([]byte, string, error) {
		return []byte(`{"example.com/exercises/01-double": {"printf": [{"posn": "/nowhere/exercise.go:7:9", "message": "fmt.Sprintf format %d has arg n of wrong type string"}]}}`), "", nil
	}
	r, err := c.checkReport(c.Exercises[0], p, vet)
	require.NoError(t, err)
	assert.Equal(t, []string{"./01-double", "-vet=off ./01-double"}, fake.runs(),
		"go vet could type-check the code, so the build failed on go test's own vet: run the tests without it")
	assert.Equal(t, Failed, r.Outcome, "a vet finding fails the check even though the tests pass")
	assert.Empty(t, r.Build, "the second run built")
	assert.Equal(t, "go vet found 1 problem, though the tests pass", r.Summary())
}

func TestCheckDoesNotRetryACompileError(t *testing.T) {
	c, p := loadFake(t)
	fake := &fakeGo{answer: func(string) (bool, string) {
		return false, `{"Action":"build-output","Output":"01-double/exercise.go:7:9: undefined: x\n"}` + "\n" + `{"Action":"build-fail"}` + "\n"
	}}
	c.Run = fake.run
	vet := func(string, string) ([]byte, string, error) {
		return nil, "# example.com/exercises/01-double\nvet: 01-double/exercise.go:7:9: undefined: x", nil
	}
	r, err := c.checkReport(c.Exercises[0], p, vet)
	require.NoError(t, err)
	assert.Len(t, fake.runs(), 1, "vet could not type-check either: the compiler's error is the learner's")
	assert.Equal(t, NoBuild, r.Outcome)
	assert.Equal(t, "exercise.go:7:9: undefined: x", r.VetTrouble, "kept, but Print shows the compiler instead")
	assert.Equal(t, "go test: the code does not compile:\nexercise.go:7:9: undefined: x\n", printed(r))
}

func TestCheckRecordsTheVerdictEveryTime(t *testing.T) {
	c, p := loadFake(t)
	passing := true
	c.Run = (&fakeGo{answer: func(string) (bool, string) {
		if passing {
			return true, events([3]string{"run", "TestDouble", ""}, [3]string{"pass", "TestDouble", ""}, [3]string{"pass", "", ""})
		}
		return false, events(append(todoPanic("TestDouble"), [3]string{"fail", "", ""})...)
	}}).run
	saved := func() bool {
		t.Helper()
		s, err := LoadProgress(p.path)
		require.NoError(t, err)
		return s.Done("01-double")
	}
	ex := c.Exercises[0]

	_, err := c.checkReport(ex, p, cleanVet)
	require.NoError(t, err)
	assert.True(t, p.Done("01-double") && saved(), "passing marks the exercise done, and saves it")

	passing = false
	_, err = c.checkReport(ex, p, cleanVet)
	require.NoError(t, err)
	assert.False(t, p.Done("01-double") || saved(), "breaking a done exercise marks it pending again")

	passing = true
	_, err = c.checkReport(ex, p, cleanVet)
	require.NoError(t, err)
	require.True(t, p.Done("01-double"))
	copied := func(string, string) ([]byte, string, error) {
		return []byte(`{"x": {"copylocks": [{"posn": "/nowhere/exercise.go:3:2", "message": "return copies lock value: rc.Rc[int] contains ` + noCopyType + `"}]}}`), "", nil
	}
	r, err := c.checkReport(ex, p, copied)
	require.NoError(t, err)
	assert.Equal(t, Failed, r.Outcome)
	assert.False(t, p.Done("01-double") || saved(), "a copied handle undoes it too, though every test passes")
}

func TestCheckPrintsTheReportForTheWatcher(t *testing.T) {
	c, p := loadFake(t)
	c.Run = (&fakeGo{answer: func(args string) (bool, string) { return false, "--- FAIL: " + args + "\n" }}).run
	var out bytes.Buffer
	o, err := c.Check(c.Exercises[0], p, &out)
	require.NoError(t, err)
	assert.Equal(t, Failed, o)
	assert.Equal(t, "--- FAIL: ./01-double\n", out.String(),
		"the real go vet finds nothing in 01-double, and text that is not JSON is shown as it came")
}

// checksModule is a module of fixture exercises, each a way for a check to
// go wrong, and 06-done, which passes; they use the real rc and rctest
// packages.
const checksModule = "testdata/checks"

func TestCheckWithTheRealGoCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet and go test on fixture modules")
	}
	c, err := Load(checksModule)
	require.NoError(t, err)
	require.Len(t, c.Exercises, 6)
	p, err := LoadProgress(filepath.Join(t.TempDir(), ProgressFile))
	require.NoError(t, err)
	check := func(slug string) *Report {
		t.Helper()
		ex, err := c.Lookup(slug)
		require.NoError(t, err)
		r, err := c.CheckReport(ex, p)
		require.NoError(t, err)
		return r
	}

	r := check("01-copy")
	assert.Equal(t, Failed, r.Outcome, "a copied handle fails the check, though the test passes")
	assert.Equal(t, "go vet found 2 problems:\n"+
		"exercise.go:8: h := *r copies a handle without Clone:\n"+
		"    the copy is counted nowhere, so dropping both gives up one share twice.\n"+
		"    Use r.Clone() to share, r.Move() to transfer.\n"+
		"exercise.go:9: return h copies a handle without Clone:\n"+
		"    the copy is counted nowhere, so dropping both gives up one share twice.\n"+
		"    Use h.Clone() to share, h.Move() to transfer.\n"+
		"\n"+
		"go test: 1 of 1 tests pass\n", printed(r))
	assert.False(t, p.Done("01-copy"))

	r = check("02-todo")
	assert.Equal(t, "go test: 1 of 3 tests pass\n"+
		"FAIL TestOpen\n"+
		"    not written yet: Open (exercise.go:5)\n"+
		"FAIL TestClose\n"+
		"    not written yet: (*File).Close (exercise.go:10)\n", printed(r),
		"each stub a test reaches is named, not the goroutine dump; the test after the first panic still runs")

	r = check("03-leak")
	assert.Equal(t, "go test: 1 of 2 tests pass\n"+
		"FAIL TestLoseLeaksNothing\n"+
		"    rc: leak: allocation made at exercise.go:7 (03-leak.Lose) was never freed: "+
		"a handle was lost without Drop, or a cycle of strong handles was dropped\n"+
		"ok   TestTheReportsAreLogged\n"+
		"    leak_test.go:16: allocation made at exercise.go:7 (03-leak.Lose) was never freed: "+
		"a handle was lost without Drop, or a cycle of strong handles was dropped\n", printed(r),
		"a leak report shows with the test that made it, and a passing test's logged reports show too")

	r = check("04-panic")
	assert.Equal(t, "go test: 0 of 1 tests pass\n"+
		"FAIL TestPick\n"+
		"    panic: runtime error: index out of range [3] with length 1\n"+
		"      in Pick (exercise.go:5)\n", printed(r), "another panic shows its message and where in the exercise")

	r = check("05-printf")
	assert.Equal(t, "go vet found 1 problem:\n"+
		"exercise.go:7:28: fmt.Sprintf format %d has arg name of wrong type string\n"+
		"\n"+
		"go test: 1 of 1 tests pass\n", printed(r), "vet's own finding, and the tests ran though go test's vet would stop them")
	assert.Equal(t, Failed, r.Outcome)

	r = check("06-done")
	assert.Equal(t, Passed, r.Outcome)
	assert.Equal(t, "go test: 1 of 1 tests pass\n", printed(r), "a clean vet says nothing; the count is all a pass needs")
	assert.True(t, p.Done("06-done"))

	fake, _ := loadFake(t)
	r, err = fake.CheckReport(fake.Exercises[1], p)
	require.NoError(t, err)
	assert.Equal(t, NoBuild, r.Outcome)
	assert.Equal(t, "go test: the code does not compile:\n"+
		"exercise.go:8:9: cannot use 42 (untyped int constant) as string value in return statement\n", printed(r),
		"the compiler's message, once: vet's failure to type-check is not shown beside it")
}
