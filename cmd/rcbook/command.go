package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/suggest"
)

// command is one rcbook command, or one subcommand of a group such as
// "lab". A single table of them drives both dispatch and help, so the
// usage printed can never drift from what runs.
type command struct {
	name  string
	args  string // what follows the name in a usage line, e.g. "[-echo]"
	short string // one line for the list of commands
	long  string // the help text of `rcbook help NAME`, after the usage line
	run   func(args []string) error
	sub   []*command // a group: its subcommands, and no run of its own
}

// usageError is a command line rcbook cannot run: an unknown command, a
// wrong number of arguments. It exits with status 2, as the go command's
// usage errors do; a command that ran and failed exits with 1.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// isHelp reports whether arg asks for help.
func isHelp(arg string) bool {
	return arg == "help" || arg == "-h" || arg == "--help" || arg == "-help"
}

// dispatch runs the command that args name among cmds; path is the words
// already consumed ("rcbook", "rcbook lab").
func dispatch(path string, cmds []*command, args []string, out io.Writer) error {
	if len(args) == 0 || isHelp(args[0]) {
		if len(args) > 1 { // rcbook help lab mutants
			return help(path, cmds, args[1:], out)
		}
		printUsage(path, cmds, out)
		return nil
	}
	c := find(cmds, args[0])
	if c == nil {
		msg := fmt.Sprintf("unknown command %q", args[0])
		if group := strings.TrimPrefix(path, "rcbook "); group != path {
			msg = group + ": " + msg // main prefixes "rcbook: "
		}
		if near := nearest(cmds, args[0]); near != "" {
			msg += fmt.Sprintf("; did you mean %q?", near)
		}
		return usagef("%s\nRun '%s help' for the list of commands.", msg, path)
	}
	if c.sub != nil {
		return dispatch(path+" "+c.name, c.sub, args[1:], out)
	}
	if len(args) > 1 && isHelp(args[1]) && args[1] != "help" {
		printHelp(path, c, out) // rcbook play -h
		return nil
	}
	return c.run(args[1:])
}

// help prints the help of the command that args name.
func help(path string, cmds []*command, args []string, out io.Writer) error {
	c := find(cmds, args[0])
	if c == nil {
		return dispatch(path, cmds, args[:1], out) // the unknown-command error
	}
	if c.sub != nil {
		if len(args) > 1 {
			return help(path+" "+c.name, c.sub, args[1:], out)
		}
		printUsage(path+" "+c.name, c.sub, out)
		return nil
	}
	printHelp(path, c, out)
	return nil
}

func find(cmds []*command, name string) *command {
	for _, c := range cmds {
		if c.name == name {
			return c
		}
	}
	return nil
}

// printUsage lists cmds with their one-line descriptions.
func printUsage(path string, cmds []*command, out io.Writer) {
	fmt.Fprintf(out, "usage: %s <command> [arguments]\n\nThe commands are:\n\n", path)
	width := 0
	for _, c := range cmds {
		width = max(width, len(c.name))
	}
	for _, c := range cmds {
		fmt.Fprintf(out, "  %-*s  %s\n", width, c.name, c.short)
	}
	fmt.Fprintf(out, "\nRun '%s help <command>' for more about a command.\n", path)
}

// printHelp prints one command's usage line and help text.
func printHelp(path string, c *command, out io.Writer) {
	line := path + " " + c.name
	if c.args != "" {
		line += " " + c.args
	}
	fmt.Fprintf(out, "usage: %s\n\n%s\n", line, strings.TrimSpace(c.long))
}

// nearest returns the command whose name is closest to name, if it is
// close enough to be a typo: at most two edits, or a prefix.
func nearest(cmds []*command, name string) string {
	names := make([]string, len(cmds))
	for i, c := range cmds {
		names[i] = c.name
	}
	return suggest.Nearest(name, names, 2)
}

// exitCode is the status rcbook exits with after err: 0 for none, 2 for a
// usage error, 1 for anything else.
func exitCode(err error) int {
	var usage *usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &usage):
		return 2
	}
	return 1
}
