// Package play is the interactive demo behind `rcbook play`. The learner
// names handles and works them by command:
//
//	new a 5        clone a b      downgrade a w   upgrade w c
//	drop b         getmut a       makemut a       unwrap a
//	set a.next b   set b.parent a add a.children b unset a.next
//	borrow a r     borrowmut a m  release m
//	pool 2         pnew p 7       copy p q
//
// Every value is a node in a cell.RefCell, as in the book's tree: an int,
// a strong next, a Weak parent and strong children, so that lists, trees
// and the cycle that leaks can be built and watched. Every command runs
// against the real packages rc and cell. After each step that changes
// something, play says what changed (counts, the value, links, borrows,
// the implicit weak, the allocation, a leak) and draws every allocation
// as a box with the names pointing at it. Misuse is refused with the
// library's own error, which names the rule at stake, and the session goes
// on: the library changes nothing when it refuses, so neither does the
// picture.
//
// Commands come from any reader, one per line, so a session can be a
// script: the tests and the scenarios in docs/play are sessions. Replay
// runs a script for the web playground and returns every step as data.
package play

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Options says how Run talks to the learner. The zero Options suits a
// script whose output is read as a whole: no prompt, no echo.
type Options struct {
	// Prompt greets the learner and prints "rc> " before reading each
	// line. Set it when a person types at a terminal, whose own echo then
	// shows the command.
	Prompt bool
	// Echo prints each line read, a command after "rc> " and a comment as
	// it is, so that the output of a script reads like a typed session.
	Echo bool
	// Pause, if set, is projector mode: each command is echoed with the
	// comments before it, and runs only once a line (Enter) is read from
	// Pause. A line "q", or the end of Pause, stops the session there.
	Pause io.Reader
}

// prompt is what the learner sees before each command, typed or echoed.
const prompt = "rc> "

const greeting = "rcbook play: nodes in RefCells behind rc handles, every allocation drawn after each step.\n" +
	"Type help for the commands, quit to leave."

// Lines is where a session's commands come from, one line per call:
// a *term.Terminal at a terminal, with its line editing and history.
// ReadLine returns io.EOF at the end.
type Lines interface {
	ReadLine() (string, error)
}

// Run reads commands from in, one per line, runs each against real rc
// handles and cells, and writes to out what happened. Text after # is a
// comment; blank lines are skipped. Run returns at quit or at the end of
// in, and says then what is still live, leaks named. Misuse never ends it:
// every refusal is printed and the session goes on. The error is nil unless
// reading in or writing out failed.
//
// Handles left when Run returns are not dropped: like a Go program that
// forgets a Drop, the session ends with its allocations still live.
func Run(in io.Reader, out io.Writer, opts Options) error {
	return run(&scanLines{s: bufio.NewScanner(in)}, out, opts, true)
}

// RunLines is Run reading its commands from lines, which prompts by
// itself: opts.Prompt then only greets, and says goodbye on a fresh line.
func RunLines(lines Lines, out io.Writer, opts Options) error {
	return run(lines, out, opts, false)
}

func run(lines Lines, out io.Writer, opts Options, prompts bool) error {
	w := &errWriter{w: out}
	wrapped := &wrapWriter{w: w}
	s := newSession(wrapped)
	if opts.Prompt {
		fmt.Fprintln(w, greeting)
	}
	var pause *bufio.Scanner
	if opts.Pause != nil {
		pause = bufio.NewScanner(opts.Pause)
	}
	var narration []string
	var err error
	for w.err == nil {
		if opts.Prompt && prompts {
			io.WriteString(w, prompt)
		}
		var line string
		if line, err = lines.ReadLine(); err != nil {
			if p, ok := lines.(prompter); ok {
				p.SetPrompt("") // a terminal draws its prompt again after each write
			}
			if opts.Prompt {
				fmt.Fprintln(w) // leave the learner's shell on a fresh line
			}
			break
		}
		line = strings.TrimSpace(line)
		command := stripComment(line)
		if pause != nil {
			if command == "" {
				narration = append(narration, line)
				continue
			}
			if !waitFor(wrapped, pause, narration, line) {
				break
			}
			narration = nil
		} else if opts.Echo {
			echo(wrapped, line, opts.Prompt)
		}
		if command == "" {
			continue
		}
		r := s.step(command)
		io.WriteString(wrapped, r.picture)
		if r.quit {
			return finish(w, err)
		}
		fmt.Fprintln(wrapped) // a blank line ends each step's output
	}
	for _, line := range s.summary() {
		fmt.Fprintln(wrapped, line)
	}
	return finish(w, err)
}

// finish turns how the session ended into Run's error: nil at the end of
// the input, a read or write failure otherwise.
func finish(w *errWriter, err error) error {
	if err != nil && err != io.EOF {
		return fmt.Errorf("play: reading commands: %w", err)
	}
	if w.err != nil {
		return fmt.Errorf("play: writing: %w", w.err)
	}
	return nil
}

// waitFor is projector mode's pause: it shows the comments before a
// command and the command, then reads a line from keys. It reports whether
// to run the command: not at "q" or at the end of keys.
func waitFor(w io.Writer, keys *bufio.Scanner, narration []string, line string) bool {
	for _, n := range narration {
		if n != "" {
			fmt.Fprintln(w, n)
		}
	}
	fmt.Fprintf(w, "%s%s   [Enter runs it, q stops]\n", prompt, line)
	if !keys.Scan() || strings.TrimSpace(keys.Text()) == "q" {
		fmt.Fprintln(w, "stopped before this command")
		return false
	}
	return true
}

// prompter is a Lines that draws its own prompt, as a *term.Terminal does.
type prompter interface {
	SetPrompt(prompt string)
}

// scanLines reads lines from a reader; Run's prompt comes from run.
type scanLines struct{ s *bufio.Scanner }

func (l *scanLines) ReadLine() (string, error) {
	if l.s.Scan() {
		return l.s.Text(), nil
	}
	if err := l.s.Err(); err != nil {
		return "", err
	}
	return "", io.EOF
}

// echo prints a line as it was read: a command after the prompt (which is
// already on screen when prompting), a comment as it is.
func echo(w io.Writer, line string, prompted bool) {
	switch {
	case line == "":
	case prompted:
		fmt.Fprintln(w, line)
	case strings.HasPrefix(line, "#"):
		fmt.Fprintln(w, line)
	default:
		fmt.Fprintln(w, prompt+line)
	}
}

// errWriter remembers the first write error, so that Run can write freely
// and check once per step.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}
