// Command rcbook is the companion tool of the rcbook library and book.
//
//	rcbook docs check [-update]
//	rcbook lab mutants [-checks N] [-depth D] [-update FILE | -check FILE]
//	rcbook lab explore [-depth D]
//
// docs check verifies that every code excerpt in docs/chapters is a real
// declaration and every printed output is an Example's pinned output; it
// ends with "docs: N snippets verified in M chapters".
//
// lab mutants runs the property tests and the explorer against every
// deliberately broken variant of the header and prints what caught each;
// it ends with "mutants: killed K of N" and fails unless every mutant is
// killed. The broken variants exist only in -tags rcmutant builds, so the
// command rebuilds itself with that tag when it needs to. lab explore runs
// every operation sequence up to the depth against the real rc and weak and
// ends with "explore: S states, Q sequences, depth D, V violations".
package main

import (
	"fmt"
	"os"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
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
