package course

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Watcher re-runs the current exercise's tests whenever one of the .go
// files in its folder changes, and whenever the learner presses Enter: the
// manual fallback for editors and file systems whose saves it cannot see.
// When the exercise passes, it is marked done and the watcher moves on to
// the next pending one.
//
// It notices changes by looking at the files' sizes and modification times
// every Interval, which needs nothing beyond the standard library and
// works on every platform.
type Watcher struct {
	Course   *Course
	Progress *Progress
	In       io.Reader     // the learner's lines: an empty one re-runs, "q" quits
	Out      io.Writer     // where headers and go test's output go
	Interval time.Duration // between looks at the files; 500ms if zero
}

// Watch runs until the learner types q, ctx is done, or every exercise has
// passed. The first run starts at once. When In ends, the watcher goes on
// watching the files.
func (w *Watcher) Watch(ctx context.Context) error {
	interval := w.Interval
	if interval == 0 {
		interval = 500 * time.Millisecond
	}
	ex, ok := w.Course.Current(w.Progress)
	if !ok {
		fmt.Fprintln(w.Out, "Every exercise is done: there is nothing to watch.")
		return nil
	}
	lines := readLines(ctx, w.In)
	tick := time.NewTicker(interval)
	defer tick.Stop()

	seen := snapshot(ex.Dir)
	reason := "first run"
	for {
		if reason != "" {
			seen = snapshot(ex.Dir) // before the run: a save during it triggers the next one
			next, more, err := w.runOnce(ex, reason)
			if err != nil {
				return err
			}
			if !more {
				return nil
			}
			if next.Slug != ex.Slug {
				ex, seen = next, snapshot(next.Dir)
			}
			reason = ""
		}
		select {
		case <-ctx.Done():
			return nil
		case line, open := <-lines:
			switch {
			case !open:
				lines = nil // no more input: keep watching the files
			case strings.EqualFold(strings.TrimSpace(line), "q"):
				fmt.Fprintln(w.Out, "Stopped watching.")
				return nil
			default:
				reason = "Enter pressed"
			}
		case <-tick.C:
			if changed := changes(seen, snapshot(ex.Dir)); len(changed) > 0 {
				reason = strings.Join(changed, ", ") + " changed"
			}
		}
	}
}

// runOnce checks ex and says what happened. It returns the exercise to
// watch next, and false when every exercise is done.
func (w *Watcher) runOnce(ex Exercise, reason string) (Exercise, bool, error) {
	fmt.Fprintf(w.Out, "\n==> %s  %02d. %s  (%s)\n", time.Now().Format("15:04:05"), ex.Number, ex.Title, reason)
	fmt.Fprintf(w.Out, "==> go test %s\n", ex.Package())
	o, err := w.Course.Check(ex, w.Progress, w.Out)
	if err != nil {
		return ex, false, err
	}
	if o != Passed {
		fmt.Fprintf(w.Out, "==> %s %s. Save a file in %s to run it again; Enter re-runs, q then Enter quits.\n",
			ex.Slug, o, ex.Slug)
		return ex, true, nil
	}
	done, total := w.Course.Done(w.Progress), len(w.Course.Exercises)
	fmt.Fprintf(w.Out, "==> %s passes: marked done %s. Its solution: rcbook exercises solution %d\n",
		ex.Slug, Bar(done, total, min(total, 30)), ex.Number)
	next, ok := w.Course.Current(w.Progress)
	if !ok {
		fmt.Fprintln(w.Out, "==> That was the last one: every exercise is done.")
		return ex, false, nil
	}
	fmt.Fprintf(w.Out, "==> Next: %02d. %s (follows chapter %s). Watching %s now; q then Enter quits.\n",
		next.Number, next.Title, next.Chapter, next.Slug)
	return next, true, nil
}

// readLines sends In's lines on a channel, closed at the end of the input.
// The reading goroutine stays blocked in Read when ctx ends first; for
// standard input that lasts only until the program exits.
func readLines(ctx context.Context, in io.Reader) <-chan string {
	lines := make(chan string)
	if in == nil {
		close(lines)
		return lines
	}
	go func() {
		defer close(lines)
		scan := bufio.NewScanner(in)
		for scan.Scan() {
			select {
			case lines <- scan.Text():
			case <-ctx.Done():
				return
			}
		}
	}()
	return lines
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
