// Command rcbook is the companion tool of the rcbook library and book.
//
//	rcbook exercises [list|next|hint N|check N|solution N|reset N|watch|verify]
//	rcbook play [-echo]
//	rcbook docs check [-update]
//	rcbook lab mutants [-checks N] [-depth D] [-run TEXT] [-update FILE | -check FILE]
//	rcbook lab explore [-depth D] [-update FILE | -check FILE]
//
// exercises walks a learner through the twelve exercises: what to do next,
// hints, running the tests, progress kept between runs, the solution once
// an exercise passes; verify (for CI) checks every stub fails as shipped and
// every solution passes. play is the interactive demo: type operations on
// live handles and see every allocation drawn after each step; it reads a
// script from standard input too. docs check verifies that every code
// excerpt in docs/chapters is a real declaration and every printed output an
// Example's pinned output. lab mutants builds every deliberate bug of the
// lab (each an edit to one file, applied with go's -overlay flag so the
// tree is never touched), runs the tests CI runs against it, and ends with
// "mutants: killed K of N"; it needs the go command. lab explore runs every
// operation sequence up to the depth against the real rc.
//
// Install it with `go install ./cmd/rcbook` from a checkout, or run it as
// `go run ./cmd/rcbook`. It works inside an rcbook checkout.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
)

func main() {
	err := run(os.Args[1:])
	if errors.Is(err, flag.ErrHelp) {
		return // the flag package has printed the usage: asking for help is no error
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "rcbook:", err)
		os.Exit(1)
	}
}

const usage = `usage:
  rcbook exercises [list|next|hint N|check N|reset N|solution N|watch|verify]
  rcbook play
  rcbook docs check [-update]
  rcbook lab mutants [-checks N] [-depth D] [-update FILE | -check FILE]
  rcbook lab explore [-depth D]`

func run(args []string) error {
	if len(args) >= 1 && args[0] == "exercises" {
		return exercisesCmd(args[1:])
	}
	if len(args) >= 1 && args[0] == "play" {
		return playCmd(args[1:])
	}
	if len(args) >= 2 && args[0] == "docs" && args[1] == "check" {
		return docsCheck(args[2:])
	}
	if len(args) >= 2 && args[0] == "lab" {
		switch args[1] {
		case "mutants":
			return labMutants(args[2:])
		case "explore":
			return labExplore(args[2:])
		}
	}
	return fmt.Errorf("unknown command\n%s", usage)
}
