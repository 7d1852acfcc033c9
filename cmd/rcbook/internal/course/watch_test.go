package course

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// screen is a terminal the watcher writes to while the test reads it.
type screen struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *screen) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(b)
}

func (s *screen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// last is what a terminal shows now: everything after the last clear.
func (s *screen) last() string {
	all := s.String()
	return all[strings.LastIndex(all, clearScreen)+len(clearScreen):]
}

// watching is a watcher at work on a copy of the fake module.
type watching struct {
	dir    string
	keys   *io.PipeWriter
	screen *screen
	fake   *fakeGo
	result chan error
	cancel context.CancelFunc
	p      *Progress
}

// watchOptions say how startWatch starts the watcher: at which exercise,
// and with single keys on a terminal or lines on a pipe.
type watchOptions struct {
	start string // the exercise's folder
	lines bool   // Watcher.Lines, and no Clear
}

// startWatch starts a watcher; passing decides which packages pass.
func startWatch(t *testing.T, o watchOptions, passing func(pkg string) bool) *watching {
	t.Helper()
	dir := copyFake(t)
	c, err := Load(dir)
	require.NoError(t, err)
	p, err := LoadProgress(filepath.Join(dir, ProgressFile))
	require.NoError(t, err)
	w := &watching{dir: dir, screen: &screen{}, result: make(chan error, 1), p: p}
	w.fake = &fakeGo{answer: func(args string) (bool, string) {
		if passing(args) {
			return true, "ok  \t" + args + "\n"
		}
		return false, "--- FAIL: " + args + "\n"
	}}
	c.Run = w.fake.run
	keys, typed := io.Pipe()
	w.keys = typed
	ctx, cancel := context.WithCancel(context.Background())
	w.cancel = cancel
	t.Cleanup(func() { cancel(); typed.Close() })
	start, err := c.Lookup(o.start)
	require.NoError(t, err)
	watcher := Watcher{Course: c, Progress: p, In: keys, Lines: o.lines, Clear: !o.lines, Out: w.screen, Interval: 10 * time.Millisecond}
	go func() { w.result <- watcher.Watch(ctx, start) }()
	return w
}

// runsSoon waits until the watcher has run go test n times in all.
func (w *watching) runsSoon(t *testing.T, n int) {
	t.Helper()
	require.Eventually(t, func() bool { return len(w.fake.runs()) >= n }, 5*time.Second, 5*time.Millisecond,
		"expected %d runs; the screen:\n%s", n, w.screen)
	time.Sleep(30 * time.Millisecond) // let the run's report reach the screen, and any extra run show up
	require.Len(t, w.fake.runs(), n, "exactly %d runs; the screen:\n%s", n, w.screen)
}

// press types keys and waits for the watcher to answer them.
func (w *watching) press(t *testing.T, keys string) {
	t.Helper()
	_, err := io.WriteString(w.keys, keys)
	require.NoError(t, err)
	time.Sleep(30 * time.Millisecond)
}

// touch saves a file of the watched copy, as an editor would.
func (w *watching) touch(t *testing.T, slug, file string) {
	t.Helper()
	later := time.Now().Add(time.Hour)
	require.NoError(t, os.Chtimes(filepath.Join(w.dir, slug, file), later, later))
}

func (w *watching) stopped(t *testing.T) error {
	t.Helper()
	select {
	case err := <-w.result:
		return err
	case <-time.After(5 * time.Second):
		t.Fatalf("the watcher did not stop; the screen:\n%s", w.screen)
		return nil
	}
}

func failing(string) bool { return false }

func TestWatchReRunsOnSaveAndOnKeysUntilQ(t *testing.T) {
	w := startWatch(t, watchOptions{start: "01", lines: true}, failing)
	w.runsSoon(t, 1)
	assert.Contains(t, w.screen.String(), "01. Double a number  (first run)", "the first run starts at once")
	assert.Contains(t, w.screen.String(), "==> go test ./01-double\n--- FAIL: ./01-double\n")
	assert.Contains(t, w.screen.String(), "==> 01-double fails. Save a file in 01-double to run it again.\n"+
		"\nType a key and Enter: h hint, l list, n next, r re-run (Enter alone too), q quit\n", "without a terminal, a key is a line")
	assert.NotContains(t, w.screen.String(), clearScreen, "a log is never cleared")

	w.touch(t, "01-double", "exercise.go")
	w.runsSoon(t, 2)
	assert.Contains(t, w.screen.String(), "(exercise.go changed)")

	require.NoError(t, os.WriteFile(filepath.Join(w.dir, "01-double", "extra.go"), []byte("package double\n"), 0o644))
	w.runsSoon(t, 3)
	assert.Contains(t, w.screen.String(), "(extra.go changed)", "a new file is a change")

	w.touch(t, "01-double", "README.md")
	w.touch(t, "02-broken", "exercise.go")
	time.Sleep(50 * time.Millisecond)
	assert.Len(t, w.fake.runs(), 3, "only .go files of the watched exercise count")

	w.press(t, "\n")
	w.runsSoon(t, 4)
	w.press(t, "r\n")
	w.runsSoon(t, 5)
	assert.Contains(t, w.screen.String(), "(re-run asked)", "Enter and r re-run, for saves the watcher cannot see")

	w.press(t, " Q \n")
	assert.NoError(t, w.stopped(t))
	assert.True(t, strings.HasSuffix(w.screen.String(), "Stopped watching.\n"))
	assert.Equal(t, []string{"./01-double", "./01-double", "./01-double", "./01-double", "./01-double"}, w.fake.runs())
	assert.False(t, w.p.Done("01-double"))
}

func TestWatchShowsOneHintPerKeyOnACleanScreen(t *testing.T) {
	w := startWatch(t, watchOptions{start: "01"}, failing)
	w.runsSoon(t, 1)
	assert.True(t, strings.HasPrefix(w.screen.String(), clearScreen), "on a terminal each run starts on a clear screen")
	assert.True(t, strings.HasSuffix(w.screen.last(), "\nh hint · l list · n next · r re-run · q quit\n"), "the keys close the screen")
	assert.NotContains(t, w.screen.last(), "Hint 1", "no hint until asked")

	w.press(t, "h")
	assert.Contains(t, w.screen.last(), "--- FAIL: ./01-double\n", "the screen is redrawn with the report")
	assert.Contains(t, w.screen.last(), "Hint 1 of 2:\n  1. Twice `n` is `n + n`, or `2 * n`.\n", "h shows the first hint")
	assert.NotContains(t, w.screen.last(), "Hint 2", "one hint per press, not all")
	assert.Contains(t, w.screen.last(), "h hint (1 of 2 shown)")

	w.press(t, "H")
	assert.Contains(t, w.screen.last(), "Hint 1 of 2:", "the hints shown stay shown")
	assert.Contains(t, w.screen.last(), "Hint 2 of 2:\n  2. Multiplication is `*`.\n")
	w.press(t, "h")
	assert.Contains(t, w.screen.last(), "That was the last hint: 2 of 2.")

	w.touch(t, "01-double", "exercise.go")
	w.runsSoon(t, 2)
	assert.Contains(t, w.screen.last(), "(exercise.go changed)")
	assert.Contains(t, w.screen.last(), "Hint 2 of 2:", "a re-run keeps the hints shown")
	assert.NotContains(t, w.screen.last(), "That was the last hint", "a re-run forgets the note")

	w.press(t, "l")
	assert.Contains(t, w.screen.last(), "01  Double a number  pending  <- next\n02  A broken stub    pending\n[--] 0/2\n", "l lists the exercises")
	w.press(t, "\x03")
	assert.NoError(t, w.stopped(t), "Ctrl-C, typed on a raw terminal, quits")
}

func TestWatchStaysOnAPassUntilN(t *testing.T) {
	w := startWatch(t, watchOptions{start: "01"}, func(pkg string) bool { return pkg == "./01-double" })
	w.runsSoon(t, 1)
	saved, err := LoadProgress(filepath.Join(w.dir, ProgressFile))
	require.NoError(t, err)
	assert.True(t, saved.Done("01-double"), "passing marks the exercise done, and saves it")
	assert.Contains(t, w.screen.last(), "==> 01-double passes: marked done [#-] 1/2.\n==> Its solution: rcbook exercises solution 1\n"+
		"==> Next: 02. A broken stub\n==> It follows chapter 03 (Breaking things). Press n to go on to it.\n")

	w.touch(t, "01-double", "exercise.go")
	w.runsSoon(t, 2)
	assert.Equal(t, "./01-double", w.fake.runs()[1], "a passed exercise is watched until n, to experiment")

	w.press(t, "n")
	w.runsSoon(t, 3)
	assert.Equal(t, "./02-broken", w.fake.runs()[2], "n runs the next pending exercise at once")
	assert.Contains(t, w.screen.last(), "02. A broken stub  (next exercise)")

	w.press(t, "n")
	assert.Contains(t, w.screen.last(), "No other exercise is pending.", "n with nothing else to do says so")
	assert.Len(t, w.fake.runs(), 3)
	w.press(t, "q")
	assert.NoError(t, w.stopped(t))
}

func TestWatchMovesOnByItselfWhenInputEnds(t *testing.T) {
	var mu sync.Mutex
	pass := map[string]bool{"./01-double": true}
	w := startWatch(t, watchOptions{start: "01", lines: true}, func(pkg string) bool {
		mu.Lock()
		defer mu.Unlock()
		return pass[pkg]
	})
	w.runsSoon(t, 1)
	require.NoError(t, w.keys.Close())
	require.Eventually(t, func() bool { return strings.Contains(w.screen.String(), "==> Watching 02-broken now") }, 5*time.Second, 5*time.Millisecond,
		"with no one to press n, a pass moves on by itself; the screen:\n%s", w.screen)

	w.touch(t, "01-double", "exercise.go")
	time.Sleep(50 * time.Millisecond)
	assert.Len(t, w.fake.runs(), 1, "the done exercise is no longer watched")
	w.touch(t, "02-broken", "exercise.go")
	w.runsSoon(t, 2)
	assert.Equal(t, "./02-broken", w.fake.runs()[1])

	mu.Lock()
	pass["./02-broken"] = true
	mu.Unlock()
	w.touch(t, "02-broken", "broken_test.go")
	require.NoError(t, w.stopped(t), "with every exercise done and no input, the watcher stops")
	assert.True(t, strings.HasSuffix(w.screen.String(), "==> That was the last one: every exercise is done.\n"), w.screen.String())
	saved, err := LoadProgress(filepath.Join(w.dir, ProgressFile))
	require.NoError(t, err)
	assert.True(t, saved.Done("02-broken"), "progress is saved as the watcher goes")
}

func TestWatchStartsAtTheExerciseAsked(t *testing.T) {
	w := startWatch(t, watchOptions{start: "02"}, failing)
	w.runsSoon(t, 1)
	assert.Equal(t, []string{"./02-broken"}, w.fake.runs(), "watch N watches N, pending before it or not")
	w.cancel()
	assert.NoError(t, w.stopped(t), "cancelling the context stops the watcher")
}

func TestReadKeys(t *testing.T) {
	collect := func(in string, lines bool) string {
		var got []rune
		for k := range readKeys(context.Background(), strings.NewReader(in), lines) {
			got = append(got, k)
		}
		return string(got)
	}
	assert.Equal(t, "hhrrqqx", collect("hH\r\n\x03\x04x", false), "raw: every character is a key; Enter re-runs, Ctrl-C and Ctrl-D quit")
	assert.Equal(t, "hrlq", collect("hint\n\n  L \nquit\n", true), "lines: a line's first letter, an empty line re-runs")
	assert.Empty(t, collect("", false), "the channel closes at the end of the input")
}

func TestChangesNamesAddedRemovedAndModifiedFiles(t *testing.T) {
	t0 := time.Now()
	before := map[string]fileState{"a.go": {1, t0}, "b.go": {1, t0}, "c.go": {1, t0}, "d.go": {1, t0}}
	after := map[string]fileState{"a.go": {1, t0}, "b.go": {2, t0}, "c.go": {1, t0.Add(time.Second)}, "e.go": {1, t0}}
	assert.Equal(t, []string{"b.go", "c.go", "d.go", "e.go"}, changes(before, after))
	assert.Empty(t, changes(before, before))
}
