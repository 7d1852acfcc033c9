package main

import (
	"flag"
	"os"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/play"
)

// playCmd runs the interactive demo on standard input and output. At a
// terminal it greets the learner and prompts "rc> "; reading a script
// (rcbook play < docs/play/01-clone-and-drop.txt) it prints only the
// results, or, with -echo, each command before its result, so the output
// reads like a typed session.
func playCmd(args []string) error {
	fs := flag.NewFlagSet("play", flag.ContinueOnError)
	echo := fs.Bool("echo", false, "print each command read (and each # comment) before its result")
	if err := fs.Parse(args); err != nil {
		return err
	}
	return play.Run(os.Stdin, os.Stdout, play.Options{Prompt: isTerminal(os.Stdin), Echo: *echo})
}

// isTerminal reports whether f is a character device, that is, whether a
// person is typing rather than a script being piped in.
func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
