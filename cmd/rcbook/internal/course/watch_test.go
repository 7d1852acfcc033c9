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

// watching starts a watcher on a copy of the fake module; passing decides
// which packages pass. It returns the copy, the learner's keyboard, the
// screen, and the watcher's result once it stops.
type watching struct {
	dir    string
	keys   *io.PipeWriter
	screen *screen
	fake   *fakeGo
	result chan error
	cancel context.CancelFunc
	p      *Progress
}

func startWatch(t *testing.T, passing func(pkg string) bool) *watching {
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
	watcher := Watcher{Course: c, Progress: p, In: keys, Out: w.screen, Interval: 10 * time.Millisecond}
	go func() { w.result <- watcher.Watch(ctx) }()
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

func TestWatchReRunsOnSaveAndOnEnterUntilQ(t *testing.T) {
	w := startWatch(t, func(string) bool { return false })
	w.runsSoon(t, 1)
	assert.Contains(t, w.screen.String(), "01. Double a number  (first run)", "the first run starts at once")
	assert.Contains(t, w.screen.String(), "==> go test ./01-double\n--- FAIL: ./01-double\n")
	assert.Contains(t, w.screen.String(), "==> 01-double fails. Save a file in 01-double to run it again; Enter re-runs, q then Enter quits.")

	w.touch(t, "01-double", "exercise.go")
	w.runsSoon(t, 2)
	assert.Contains(t, w.screen.String(), "(exercise.go changed)")

	require.NoError(t, os.WriteFile(filepath.Join(w.dir, "01-double", "extra.go"), []byte("package double\n"), 0o644))
	w.runsSoon(t, 3)
	assert.Contains(t, w.screen.String(), "(extra.go changed)", "a new file is a change")

	w.touch(t, "01-double", "README.md")
	w.touch(t, "02-broken", "exercise.go")
	time.Sleep(50 * time.Millisecond)
	assert.Len(t, w.fake.runs(), 3, "only .go files of the current exercise count")

	_, err := io.WriteString(w.keys, "\n")
	require.NoError(t, err)
	w.runsSoon(t, 4)
	assert.Contains(t, w.screen.String(), "(Enter pressed)", "Enter is the manual fallback")

	_, err = io.WriteString(w.keys, " Q \n")
	require.NoError(t, err)
	assert.NoError(t, w.stopped(t))
	assert.True(t, strings.HasSuffix(w.screen.String(), "Stopped watching.\n"))
	assert.Equal(t, []string{"./01-double", "./01-double", "./01-double", "./01-double"}, w.fake.runs())
	assert.False(t, w.p.Done("01-double"))
}

func TestWatchMovesOnWhenTheExercisePasses(t *testing.T) {
	var mu sync.Mutex
	pass := map[string]bool{"./01-double": true}
	w := startWatch(t, func(pkg string) bool {
		mu.Lock()
		defer mu.Unlock()
		return pass[pkg]
	})
	w.runsSoon(t, 1)
	saved, err := LoadProgress(filepath.Join(w.dir, ProgressFile))
	require.NoError(t, err)
	assert.True(t, saved.Done("01-double"), "passing marks the exercise done, and saves it")
	assert.Contains(t, w.screen.String(), "==> 01-double passes: marked done [#-] 1/2. Its solution: rcbook exercises solution 1\n"+
		"==> Next: 02. A broken stub (follows chapter 03 (Breaking things)). Watching 02-broken now; q then Enter quits.\n")

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
	require.NoError(t, w.stopped(t), "with every exercise done, the watcher stops")
	assert.True(t, strings.HasSuffix(w.screen.String(), "==> That was the last one: every exercise is done.\n"), w.screen.String())
	saved, err = LoadProgress(filepath.Join(w.dir, ProgressFile))
	require.NoError(t, err)
	assert.True(t, saved.Done("02-broken"), "progress is saved as the watcher goes")
}

func TestWatchKeepsWatchingFilesWhenInputEnds(t *testing.T) {
	w := startWatch(t, func(string) bool { return false })
	w.runsSoon(t, 1)
	require.NoError(t, w.keys.Close())
	w.touch(t, "01-double", "double.go")
	w.runsSoon(t, 2)
	w.cancel()
	assert.NoError(t, w.stopped(t), "cancelling the context stops the watcher")
}

func TestWatchWithNothingLeft(t *testing.T) {
	c, p := loadFake(t)
	p.Mark("01-double", true)
	p.Mark("02-broken", true)
	var out bytes.Buffer
	w := Watcher{Course: c, Progress: p, Out: &out}
	require.NoError(t, w.Watch(context.Background()))
	assert.Equal(t, "Every exercise is done: there is nothing to watch.\n", out.String())
}

func TestChangesNamesAddedRemovedAndModifiedFiles(t *testing.T) {
	t0 := time.Now()
	before := map[string]fileState{"a.go": {1, t0}, "b.go": {1, t0}, "c.go": {1, t0}, "d.go": {1, t0}}
	after := map[string]fileState{"a.go": {1, t0}, "b.go": {2, t0}, "c.go": {1, t0.Add(time.Second)}, "e.go": {1, t0}}
	assert.Equal(t, []string{"b.go", "c.go", "d.go", "e.go"}, changes(before, after))
	assert.Empty(t, changes(before, before))
}
