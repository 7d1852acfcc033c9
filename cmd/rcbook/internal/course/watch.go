package course

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Watcher re-runs an exercise's tests whenever one of the .go files in its
// folder changes, and answers the learner's keys, as rustlings' watch mode
// does:
//
//	h  show the next hint, one at a time (they stay shown until another exercise)
//	l  list the exercises, done or pending
//	n  go on to the next pending exercise, and run it
//	r  run the tests again (Enter too): for saves the watcher cannot see
//	q  quit (Ctrl-C and Ctrl-D too)
//
// When the exercise passes it is marked done; the watcher keeps watching it
// until n. If the learner's input has ended (no one can press n), it moves
// on by itself, and stops after the last exercise.
//
// It notices changes by looking at the files' sizes and modification times
// every Interval, which needs nothing beyond the standard library and
// works on every platform.
type Watcher struct {
	Course   *Course
	Progress *Progress
	In       io.Reader     // the learner's keys; nil for none
	Lines    bool          // In gives lines, not single keys (no raw terminal): a line's first letter is its key, an empty line re-runs
	Out      io.Writer     // where the screens go
	Clear    bool          // Out is a terminal: clear it before each run, and redraw the screen after a key
	Interval time.Duration // between looks at the files; 500ms if zero
}

// Watch watches ex until the learner quits, ctx is done, or, with the
// input ended, every exercise has passed. The first run starts at once.
// The error is for a go command that could not be run, or progress that
// could not be saved.
func (w *Watcher) Watch(ctx context.Context, ex Exercise) error {
	interval := w.Interval
	if interval == 0 {
		interval = 500 * time.Millisecond
	}
	s := &session{w: w, ex: ex}
	keys := readKeys(ctx, w.In, w.Lines)
	tick := time.NewTicker(interval)
	defer tick.Stop()

	seen := snapshot(ex.Dir)
	reason := "first run"
	for {
		if reason != "" {
			seen = snapshot(s.ex.Dir) // before the run: a save during it triggers the next one
			if err := s.run(reason); err != nil {
				return err
			}
			reason = ""
		}
		if s.passed && keys == nil { // no one can press n: go on by itself
			if !s.moveOn() {
				return nil
			}
			seen = snapshot(s.ex.Dir)
		}
		select {
		case <-ctx.Done():
			return nil
		case k, open := <-keys:
			switch {
			case !open:
				keys, s.keysGone = nil, true // no more input: keep watching the files
			case k == 'q':
				fmt.Fprintln(w.Out, "Stopped watching.")
				return nil
			case k == 'r':
				reason = "re-run asked"
			case k == 'h':
				s.hint()
			case k == 'l':
				s.list()
			case k == 'n' && s.next():
				reason = "next exercise"
			}
		case <-tick.C:
			if changed := changes(seen, snapshot(s.ex.Dir)); len(changed) > 0 {
				reason = strings.Join(changed, ", ") + " changed"
			}
		}
	}
}

// moveOn watches the next pending exercise without running it, for a
// watcher whose input has ended, and reports false when there is none.
func (s *session) moveOn() bool {
	next, ok := s.nextPending()
	if !ok {
		return false
	}
	s.ex, s.hints, s.passed = next, 0, false
	fmt.Fprintf(s.w.Out, "==> Watching %s now: save a file in it to run its tests.\n", next.Slug)
	return true
}

// nextPending returns the first pending exercise after the watched one in
// number order, going round to the start, other than the watched one.
func (s *session) nextPending() (Exercise, bool) {
	all := s.w.Course.Exercises
	at := 0
	for i, ex := range all {
		if ex.Slug == s.ex.Slug {
			at = i
		}
	}
	for i := 1; i < len(all); i++ {
		if ex := all[(at+i)%len(all)]; !s.w.Progress.Done(ex.Slug) {
			return ex, true
		}
	}
	return Exercise{}, false
}

// fileState is what the watcher compares to notice a save.
type fileState struct {
	size int64
	mod  time.Time
}

// snapshot records the size and modification time of every .go file in
// dir. A file that cannot be read is left out, which shows as a change.
func snapshot(dir string) map[string]fileState {
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	s := map[string]fileState{}
	for _, f := range files {
		if info, err := os.Stat(f); err == nil {
			s[filepath.Base(f)] = fileState{info.Size(), info.ModTime()}
		}
	}
	return s
}

// changes names the files that were added, removed or modified between two
// snapshots, in order.
func changes(before, after map[string]fileState) []string {
	var changed []string
	for name, a := range after {
		if b, ok := before[name]; !ok || b.size != a.size || !b.mod.Equal(a.mod) {
			changed = append(changed, name)
		}
	}
	for name := range before {
		if _, ok := after[name]; !ok {
			changed = append(changed, name)
		}
	}
	sort.Strings(changed)
	return changed
}
