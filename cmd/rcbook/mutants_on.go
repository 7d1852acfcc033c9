//go:build rcmutant

package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/rcbook/rcbook/lab"
)

func runMutants(args []string) error {
	fs := flag.NewFlagSet("lab mutants", flag.ContinueOnError)
	checks := fs.Int("checks", 200, "rapid checks per mutant")
	depth := fs.Int("depth", 8, "deepest exploration per mutant")
	update := fs.String("update", "", "rewrite the mutants region of this markdown file")
	check := fs.String("check", "", "fail if the mutants region of this markdown file is out of date")
	if err := fs.Parse(args); err != nil {
		return err
	}
	results := lab.RunMutants(*checks, *depth)
	killed := 0
	for _, r := range results {
		verdict := "SURVIVED"
		if r.Killed {
			verdict = "killed"
			killed++
		}
		fmt.Printf("%-26s %s: %s\n", r.Fault, verdict, r.Bug)
		fmt.Printf("  property tests: %s\n", rapidLine(r))
		if r.Explored != nil {
			fmt.Printf("  explorer: depth %d, caught by %s\n", r.Depth, r.Rule)
			for _, step := range r.Explored.Trace {
				fmt.Printf("    %s\n", step)
			}
			fmt.Printf("    => %s\n", r.Explored.Problem)
		} else {
			fmt.Printf("  explorer: no violation up to depth %d\n", *depth)
		}
	}
	fmt.Printf("mutants: killed %d of %d\n", killed, len(results))
	if killed < len(results) {
		return fmt.Errorf("%d mutants survived", len(results)-killed)
	}
	return writeRegion(*update, *check, "mutants", lab.MutantsMarkdown(results))
}

func rapidLine(r lab.Result) string {
	if !r.RapidFailed {
		return "passed (the mutant survived them)"
	}
	return fmt.Sprintf("failed, caught by %s, shrunk to %s: %s => %s",
		r.RapidRule, plural(len(r.RapidSteps), "step"), strings.Join(r.RapidSteps, "; "), r.RapidProblem)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
