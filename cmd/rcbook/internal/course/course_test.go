package course

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeModule is a small exercises module: 01-double's stub fails its test
// and its solution passes; 02-broken's stub does not compile.
const fakeModule = "testdata/exercises"

// loadFake loads the fake module, with a fresh progress file.
func loadFake(t *testing.T) (*Course, *Progress) {
	t.Helper()
	c, err := Load(fakeModule)
	require.NoError(t, err)
	require.Empty(t, c.Problems)
	p, err := LoadProgress(filepath.Join(t.TempDir(), ProgressFile))
	require.NoError(t, err)
	return c, p
}

// copyFake copies the fake module into a temporary directory, for tests
// that touch its files.
func copyFake(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, os.DirFS(fakeModule)))
	return dir
}

// fakeGo stands in for the go command: answer decides each run's verdict
// and output from its arguments.
type fakeGo struct {
	mu     sync.Mutex
	calls  []string // each run's arguments, joined by spaces
	answer func(args string) (passed bool, output string)
}

func (f *fakeGo) run(dir string, args []string, out io.Writer) (bool, error) {
	joined := strings.Join(args, " ")
	f.mu.Lock()
	f.calls = append(f.calls, joined)
	f.mu.Unlock()
	passed, output := f.answer(joined)
	_, err := io.WriteString(out, output)
	return passed, err
}

func (f *fakeGo) runs() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

func TestLoadReadsEveryExerciseInOrder(t *testing.T) {
	c, _ := loadFake(t)
	require.Len(t, c.Exercises, 2)
	double, broken := c.Exercises[0], c.Exercises[1]

	assert.Equal(t, 1, double.Number)
	assert.Equal(t, "01-double", double.Slug)
	assert.Equal(t, "Double a number", double.Title, "the title is the first line without \"# 01. \"")
	assert.Equal(t, "02 (Counting)", double.Chapter, "the chapter loses its final full stop")
	assert.Equal(t, []string{"Twice `n` is `n + n`, or `2 * n`.", "Multiplication is `*`."}, double.Hints,
		"a wrapped hint is one hint, and the section ends at the next heading")
	assert.Equal(t, filepath.Join(fakeModule, "01-double", "exercise.go"), double.Stub())
	assert.Equal(t, filepath.Join(fakeModule, "01-double", "solution.go"), double.Solution())
	assert.Equal(t, filepath.Join(fakeModule, "01-double", "README.md"), double.README())
	assert.Equal(t, "./01-double", double.Package())

	assert.Equal(t, 2, broken.Number)
	assert.Len(t, broken.Hints, 3, "* items are hints too")
}

func TestLoadSetsAsideFoldersThatAreNotUsable(t *testing.T) {
	dir := copyFake(t)
	readme := func(slug, text string) {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, slug), 0o755))
		if text != "" {
			require.NoError(t, os.WriteFile(filepath.Join(dir, slug, "README.md"), []byte(text), 0o644))
		}
	}
	readme("03-no-readme", "")
	readme("04-bad-title", "# Four\n")
	readme("1-not-an-exercise", "") // one digit: not an exercise folder, not a problem
	readme("notes", "")
	good, err := os.ReadFile(filepath.Join(dir, "01-double", "README.md"))
	require.NoError(t, err)
	readme("01-other", string(good)) // after 01-double in name order

	c, err := Load(dir)
	require.NoError(t, err, "unusable folders are problems, not a failure to load")
	require.Len(t, c.Exercises, 2, "the good exercises are still there")
	var problems []string
	for _, p := range c.Problems {
		problems = append(problems, p.Error())
	}
	assert.Equal(t, []string{
		"01-other: number 1 is taken by 01-double",
		"03-no-readme: README.md: no such file or directory",
		`04-bad-title: README.md: the first line must be "# 04. Title", not "# Four"`,
	}, problems)
}

func TestLoadFailsOnlyForAMissingDirectory(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nowhere"))
	assert.Error(t, err)
}

func TestLookupByNumberOrFolder(t *testing.T) {
	c, _ := loadFake(t)
	for _, arg := range []string{"2", "02", "02-broken"} {
		ex, err := c.Lookup(arg)
		require.NoError(t, err, arg)
		assert.Equal(t, "02-broken", ex.Slug, arg)
	}
	_, err := c.Lookup("3")
	assert.EqualError(t, err, `no exercise "3": the exercises are numbered 01 to 02`)
	_, err = (&Course{Dir: "x"}).Lookup("1")
	assert.EqualError(t, err, `no exercise "1": there are no exercises in x`)
}

func TestCurrentIsTheFirstPendingExercise(t *testing.T) {
	c, p := loadFake(t)
	ex, more := c.Current(p)
	require.True(t, more)
	assert.Equal(t, "01-double", ex.Slug)
	assert.Zero(t, c.Done(p))

	p.Mark("02-broken", true)
	ex, _ = c.Current(p)
	assert.Equal(t, "01-double", ex.Slug, "done out of order: the first pending one is still current")

	p.Mark("01-double", true)
	p.Mark("99-gone", true)
	_, more = c.Current(p)
	assert.False(t, more, "everything is done")
	assert.Equal(t, 2, c.Done(p), "a mark for a folder that no longer exists does not count")
}
