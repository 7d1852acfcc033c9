package course

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The files in testdata/record are what go test -json and go vet -json
// printed for exercises/01-cleanup (as shipped, and with Share returning
// *r), for testdata/exercises/02-broken and for testdata/checks/03-leak,
// with the exercises' folder written as /learner/rcbook/exercises.
const recordedDir = "/learner/rcbook/exercises"

// recording reads a recorded output, with the exercises' folder moved to
// dir.
func recording(t *testing.T, name, dir string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "record", name))
	require.NoError(t, err)
	return strings.ReplaceAll(string(raw), recordedDir, dir)
}

// recorded reads a recorded go test -json run of the exercise slug.
func recorded(t *testing.T, name, slug string) *testRecord {
	t.Helper()
	r := newTestRecord(newShortener(Exercise{Slug: slug, Dir: filepath.Join(recordedDir, slug)}))
	r.read(recording(t, name, recordedDir))
	r.finish()
	return r
}

func TestAStubsPanicReadsAsNotWrittenYet(t *testing.T) {
	r := recorded(t, "stub.jsonl", "01-cleanup")
	require.Len(t, r.tests, 1, "the panic ended the test binary after the first test")
	test := r.tests[0]
	assert.Equal(t, "TestTheFileStaysOpenWhileAnyOwnerRemains", test.Name)
	assert.True(t, test.Failed())
	require.NotNil(t, test.Panic)
	assert.Equal(t, "not written yet: Open (exercise.go:10)", test.Panic.String(),
		"a TODO panic names the stub and its line, found in the trace's frames")
	assert.Empty(t, test.Output, "neither go test's framing nor the goroutine dump is the test's output")
	assert.True(t, r.failed)
	assert.Empty(t, r.output, "go test's closing FAIL line is framing")
}

func TestAFailingTestKeepsItsMessageWithoutGoTestsFraming(t *testing.T) {
	r := recorded(t, "copied.jsonl", "01-cleanup")
	require.Len(t, r.tests, 3)
	assert.True(t, r.tests[0].Failed())
	assert.True(t, r.tests[1].Passed)
	assert.True(t, r.tests[2].Failed())
	out := strings.Join(r.tests[0].Output, "\n")
	assert.Contains(t, out, "Messages:   \tShare must add an owner", "testify's message is shown")
	assert.Contains(t, out, "Error Trace:\tcleanup_test.go:17",
		"the exercise's folder is cut from paths, so the lines stay short")
	assert.NotContains(t, out, "=== RUN", "go test's framing is left out")
	assert.NotContains(t, out, "--- FAIL", "go test's framing is left out")
	assert.Empty(t, r.tests[1].Output, "a passing test that logged nothing has no output")
	assert.False(t, r.buildFailed)
}

func TestACompileErrorIsTheCompilersMessages(t *testing.T) {
	r := recorded(t, "broken.jsonl", "02-broken")
	assert.True(t, r.buildFailed)
	assert.Equal(t, []string{"exercise.go:8:9: cannot use 42 (untyped int constant) as string value in return statement"}, r.build,
		"build-output events are the compiler's messages, the package header dropped, the path relative to the exercise")
	assert.Empty(t, r.tests)
	assert.Empty(t, r.output, "the [build failed] line is go test's framing")
}

func TestLeakReportsBelongToTheirTest(t *testing.T) {
	r := recorded(t, "leak.jsonl", "03-leak")
	require.Len(t, r.tests, 2)
	leaky, logging := r.tests[0], r.tests[1]
	assert.True(t, leaky.Failed())
	assert.Equal(t, []string{"rc: leak: allocation made at exercise.go:7 (03-leak.Lose) was never freed: " +
		"a handle was lost without Drop, or a cycle of strong handles was dropped"}, leaky.Leaks,
		"a leak report is kept from \"rc: leak: \" on, with the test that made it")
	assert.Empty(t, leaky.Output, "the leak line is not shown twice")
	assert.True(t, logging.Passed)
	require.Len(t, logging.Output, 1, "a passing test's logs are kept: exercise 03 asks the learner to read them")
	assert.Contains(t, logging.Output[0], "leak_test.go:16: allocation made at exercise.go:7")
}

func TestLinesThatAreNotEventsPassThrough(t *testing.T) {
	r := newTestRecord(shortener{})
	r.read("go: cannot find main module\n{\"Action\":\"output\",\"Output\":\"x\\n\"}\n{not json\n")
	assert.Equal(t, []string{"go: cannot find main module", "x", "{not json"}, r.output,
		"the go command's own errors are text; they are shown as they are")
	assert.Equal(t, 1, r.events)
	assert.Equal(t, "go: cannot find main module\nx\n{not json\n", r.text.String(), "text keeps what go test printed, in order")
}

func TestSubtestsAndFramingInsideThem(t *testing.T) {
	r := newTestRecord(shortener{})
	events := []string{
		`{"Action":"run","Test":"TestA"}`,
		`{"Action":"run","Test":"TestA/one"}`,
		`{"Action":"output","Test":"TestA/one","Output":"    --- FAIL: TestA/one (0.00s)\n"}`,
		`{"Action":"output","Test":"TestA/one","Output":"        a_test.go:9: wrong\n"}`,
		`{"Action":"fail","Test":"TestA/one"}`,
		`{"Action":"fail","Test":"TestA"}`,
		`{"Action":"run","Test":"TestB"}`,
		`{"Action":"skip","Test":"TestB"}`,
	}
	assert.False(t, r.read(strings.Join(events, "\n")+"\n"), "no panic")
	require.Len(t, r.tests, 3)
	assert.Equal(t, []string{"        a_test.go:9: wrong"}, r.tests[1].Output, "an indented --- FAIL is framing too")
	assert.True(t, r.tests[2].Skipped)
	assert.Equal(t, "^(TestA|TestB)$", r.skipPattern(), "a rerun skips the top-level tests that ran")
}
