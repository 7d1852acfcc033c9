package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/term"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/course"
)

// watch runs `rcbook exercises watch` on ex until the learner quits. On a
// terminal it clears the screen for each run and, with standard input a
// terminal too, takes single keys: the terminal goes into raw mode, and is
// restored when watch returns, on q, on Ctrl-C (which raw mode delivers as
// a key) and on an interrupt or termination signal. Anywhere else the keys
// come as lines: a key, then Enter.
func watch(c *course.Course, p *course.Progress, ex course.Exercise, in io.Reader, out io.Writer) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	w := course.Watcher{Course: c, Progress: p, In: in, Lines: true, Out: out, Clear: rawCapable(out)}
	if w.Clear && rawCapable(in) {
		fd := int(in.(*os.File).Fd())
		if state, err := term.MakeRaw(fd); err == nil {
			defer term.Restore(fd, state) // deferred: it runs on every return, and on a panic
			w.Lines, w.Out = false, crlf{out}
		}
	}
	return w.Watch(ctx, ex)
}

// rawCapable reports whether f is a terminal that x/term can drive.
func rawCapable(f any) bool {
	file, ok := f.(*os.File)
	return ok && term.IsTerminal(int(file.Fd()))
}

// crlf ends every line with a carriage return as well: a terminal in raw
// mode moves down a line on "\n" but not back to the start of it.
type crlf struct{ w io.Writer }

func (c crlf) Write(b []byte) (int, error) {
	if _, err := c.w.Write(bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))); err != nil {
		return 0, err
	}
	return len(b), nil
}
