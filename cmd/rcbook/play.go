package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/play"
)

// playCmd runs the interactive demo on standard input and output. At a
// terminal it greets the learner and reads each line with line editing and
// history (the arrow keys); reading a script (rcbook play <
// docs/play/03-clone-and-drop.txt) it prints only the results, or, with
// -echo, each command before its result, so the output reads like a typed
// session. -step FILE is projector mode: it reads the script from FILE and
// waits for Enter on standard input before each command.
func playCmd(args []string) error {
	fs := flag.NewFlagSet("play", flag.ContinueOnError)
	echo := fs.Bool("echo", false, "print each command read (and each # comment) before its result")
	step := fs.String("step", "", "projector mode: run the script in `FILE`, one command per Enter")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("play takes no arguments (got %q): give a script on standard input, or with -step FILE", fs.Args())
	}
	return playOn(os.Stdin, os.Stdout, *step, *echo)
}

// playOn is playCmd on the given files, so that tests can play it with a
// fake standard input.
func playOn(stdin *os.File, stdout io.Writer, step string, echo bool) error {
	if step != "" {
		script, err := os.Open(step)
		if err != nil {
			return err
		}
		defer script.Close()
		return play.Run(script, stdout, play.Options{Pause: stdin})
	}
	if !isTerminal(stdin) {
		return play.Run(stdin, stdout, play.Options{Echo: echo})
	}
	fd := int(stdin.Fd())
	saved, err := term.MakeRaw(fd)
	if err != nil { // a terminal play cannot drive: read it line by line
		return play.Run(stdin, stdout, play.Options{Prompt: true, Echo: echo})
	}
	defer term.Restore(fd, saved)
	t := term.NewTerminal(struct {
		io.Reader
		io.Writer
	}{stdin, stdout}, "rc> ")
	return play.RunLines(t, t, play.Options{Prompt: true})
}

// isTerminal reports whether f is a terminal, that is, whether a person is
// typing rather than a script being piped in.
func isTerminal(f *os.File) bool {
	return term.IsTerminal(int(f.Fd()))
}
