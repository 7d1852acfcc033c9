// Package play is the interactive demo behind `rcbook play`. The learner
// names handles and works them by command:
//
//	new a 5        clone a b      downgrade a w   upgrade w c
//	drop b         getmut a       makemut a       unwrap a
//	pool 2         pnew p 7       copy p q
//
// Every command runs against the real packages rc, weak and pool, holding
// int values. After each step that changes something, play says what changed
// (counts, the value, the implicit weak, the allocation) and draws every
// allocation as a box with the names pointing at it. Misuse is refused with
// the library's own error, which names the invariant at stake, and the
// session goes on: the library changes nothing when it refuses, so neither
// does the picture.
//
// Commands come from any reader, one per line, so a session can be a
// script: the tests and the workshop scripts in docs/play are sessions.
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
}

// prompt is what the learner sees before each command, typed or echoed.
const prompt = "rc> "

const greeting = "rcbook play: handles to int values, every allocation drawn after each step.\n" +
	"Type help for the commands, quit to leave."

// Run reads commands from in, one per line, runs each against real rc and
// weak handles, and writes to out what happened. Text after # is a comment;
// blank lines are skipped. Run returns at quit or at the end of in. Misuse
// never ends it: every refusal is printed and the session goes on. The
// error is nil unless reading in or writing out failed.
//
// Handles left when Run returns are not dropped: like a Go program that
// forgets a Drop, the session ends with its allocations still live.
func Run(in io.Reader, out io.Writer, opts Options) error {
	w := &errWriter{w: out}
	s := newSession(w)
	if opts.Prompt {
		fmt.Fprintln(w, greeting)
	}
	lines := bufio.NewScanner(in)
	for w.err == nil {
		if opts.Prompt {
			io.WriteString(w, prompt)
		}
		if !lines.Scan() {
			if opts.Prompt {
				fmt.Fprintln(w) // leave the learner's shell on a fresh line
			}
			break
		}
		line := strings.TrimSpace(lines.Text())
		if opts.Echo {
			echo(w, line, opts.Prompt)
		}
		command := stripComment(line)
		if command == "" {
			continue
		}
		r := s.step(command)
		io.WriteString(w, r.picture)
		if r.quit {
			break
		}
		fmt.Fprintln(w) // a blank line ends each step's output
	}
	if err := lines.Err(); err != nil {
		return fmt.Errorf("play: reading commands: %w", err)
	}
	if w.err != nil {
		return fmt.Errorf("play: writing: %w", w.err)
	}
	return nil
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
