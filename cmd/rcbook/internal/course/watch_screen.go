package course

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"
)

// clearScreen moves the cursor home and clears the terminal.
const clearScreen = "\x1b[H\x1b[2J"

// session is one watch: the exercise watched and what its screen shows.
// On a terminal (Watcher.Clear) every change redraws the whole screen; on
// anything else only what is new is written, so a log reads top to bottom.
type session struct {
	w        *Watcher
	ex       Exercise
	passed   bool   // the last run passed
	report   string // the last run: header, go test's output, verdict
	hints    int    // how many of ex's hints are shown, from the first
	listing  string // the list of exercises, while shown
	note     string // a word about the last key, while shown
	keysGone bool   // the input has ended: no keys to offer
}

// run checks the watched exercise, streaming go test's output, and shows
// the verdict. Hints shown stay shown; the list and the note go.
func (s *session) run(reason string) error {
	w := s.w
	s.listing, s.note = "", ""
	header := fmt.Sprintf("==> %s  %02d. %s  (%s)\n==> go test %s\n",
		time.Now().Format("15:04:05"), s.ex.Number, s.ex.Title, reason, s.ex.Package())
	if w.Clear {
		io.WriteString(w.Out, clearScreen)
	} else {
		io.WriteString(w.Out, "\n")
	}
	io.WriteString(w.Out, header)
	var output bytes.Buffer
	o, err := w.Course.Check(s.ex, w.Progress, io.MultiWriter(w.Out, &output))
	if err != nil {
		return err
	}
	s.passed = o == Passed
	verdict := s.verdict(o)
	io.WriteString(w.Out, verdict)
	s.report = header + output.String() + verdict
	if w.Clear {
		io.WriteString(w.Out, s.below())
	}
	io.WriteString(w.Out, s.keys())
	return nil
}

// verdict is the end of a run's report.
func (s *session) verdict(o Outcome) string {
	if o != Passed {
		return fmt.Sprintf("==> %s %s. Save a file in %s to run it again.\n", s.ex.Slug, o, s.ex.Slug)
	}
	done, total := s.w.Course.Done(s.w.Progress), len(s.w.Course.Exercises)
	v := fmt.Sprintf("==> %s passes: marked done %s.\n==> Its solution: rcbook exercises solution %d\n",
		s.ex.Slug, Bar(done, total, min(total, 30)), s.ex.Number)
	next, ok := s.nextPending()
	if !ok {
		return v + "==> That was the last one: every exercise is done.\n"
	}
	v += fmt.Sprintf("==> Next: %02d. %s\n==> It follows chapter %s.", next.Number, next.Title, next.Chapter)
	if !s.keysGone && s.w.In != nil {
		v += " Press n to go on to it."
	}
	return v + "\n"
}

// hint shows the next hint, one per press.
func (s *session) hint() {
	if s.hints == len(s.ex.Hints) {
		s.note = fmt.Sprintf("\nThat was the last hint: %d of %d.\n", s.hints, len(s.ex.Hints))
		s.show(s.note)
		return
	}
	s.hints++
	s.note = ""
	s.show(s.hintText(s.hints))
}

// hintText is hint k, numbered, wrapped to fit a terminal.
func (s *session) hintText(k int) string {
	return fmt.Sprintf("\nHint %d of %d:\n%s", k, len(s.ex.Hints), wrap(fmt.Sprintf("%d. ", k), s.ex.Hints[k-1], 80))
}

// list shows the exercises, done or pending, below the report.
func (s *session) list() {
	var b strings.Builder
	b.WriteString("\n")
	s.w.Course.List(&b, s.w.Progress)
	s.listing, s.note = b.String(), ""
	s.show(s.listing)
}

// next watches the next pending exercise, and reports false, with a note,
// if there is none.
func (s *session) next() bool {
	next, ok := s.nextPending()
	if !ok {
		s.note = "\nNo other exercise is pending.\n"
		s.show(s.note)
		return false
	}
	s.ex, s.hints, s.passed = next, 0, false
	return true
}

// show puts part on the screen: on a terminal, by redrawing it all.
func (s *session) show(part string) {
	if s.w.Clear {
		io.WriteString(s.w.Out, clearScreen+s.report+s.below()+s.keys())
		return
	}
	io.WriteString(s.w.Out, part+s.keys())
}

// below is what the screen shows under the report: the hints shown, the
// list, the note.
func (s *session) below() string {
	var b strings.Builder
	for k := 1; k <= s.hints; k++ {
		b.WriteString(s.hintText(k))
	}
	b.WriteString(s.listing)
	b.WriteString(s.note)
	return b.String()
}

// keys is the line that says which keys do what.
func (s *session) keys() string {
	if s.keysGone || s.w.In == nil {
		return ""
	}
	hint := "h hint"
	if s.hints > 0 {
		hint = fmt.Sprintf("h hint (%d of %d shown)", s.hints, len(s.ex.Hints))
	}
	if s.w.Lines {
		return fmt.Sprintf("\nType a key and Enter: %s, l list, n next, r re-run (Enter alone too), q quit\n", hint)
	}
	return fmt.Sprintf("\n%s · l list · n next · r re-run · q quit\n", hint)
}
