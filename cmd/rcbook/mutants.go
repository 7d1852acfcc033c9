package main

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/rcbook/rcbook/lab"
)

// labMutants builds every mutant of the lab (lab.All) with go's -overlay
// flag, runs the tests CI runs against it, and reports it as killed or
// survived. It ends with "mutants: killed K of N" and fails if a package
// rc or capstone mutant survived, or if a mutant could not be tried at all.
func labMutants(args []string) error {
	fs := flag.NewFlagSet("lab mutants", flag.ContinueOnError)
	checks := fs.Int("checks", 200, "rapid runs per model test")
	depth := fs.Int("depth", 6, "deepest exploration per mutant")
	seed := fs.Uint64("seed", 1, "rapid's seed for the model tests (0 draws one); fixed by default, so that the catalogue is the same on every run")
	timeout := fs.Duration("timeout", 3*time.Minute, "go test -timeout for each mutant: a test that hangs on the bug kills it")
	only := fs.String("run", "", "try only the mutants whose names contain this text")
	update := fs.String("update", "", "rewrite the mutants region of this markdown file")
	check := fs.String("check", "", "fail if the mutants region of this markdown file is out of date")
	if err := fs.Parse(args); err != nil {
		return err
	}
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	var ms []lab.Mutant
	for _, m := range lab.All() {
		if strings.Contains(m.Name, *only) {
			ms = append(ms, m)
		}
	}
	results, err := lab.RunMutants(root, ms, lab.Options{Checks: *checks, Seed: *seed, Depth: *depth, Timeout: *timeout}, printResult)
	if err != nil {
		return err
	}
	sum := lab.Summarize(results)
	fmt.Println(sum.Line())
	if err := sum.Err(); err != nil {
		return err
	}
	if *only != "" {
		return nil // a partial run cannot write or check the whole region
	}
	return writeRegion(*update, *check, "mutants", lab.MutantsMarkdown(results))
}

// printResult prints one mutant's result as it comes.
func printResult(r lab.Result) {
	switch {
	case r.Err != nil:
		fmt.Printf("%-26s NOT TRIED: %v\n", r.Name, r.Err)
		return
	case r.Killed:
		fmt.Printf("%-26s killed: %s\n", r.Name, r.Bug)
	default:
		fmt.Printf("%-26s SURVIVED: %s\n", r.Name, r.Bug)
	}
	if !r.Model {
		how := r.Command()
		switch {
		case r.Killed:
			fmt.Printf("  %s: failed %s\n", how, strings.Join(r.Failed, ", "))
		case r.Hard != "":
			fmt.Printf("  %s: passed. Why it can survive: %s\n", how, r.Hard)
		default:
			fmt.Printf("  %s: passed, though its tests must catch this bug\n", how)
		}
		return
	}
	fmt.Printf("  model (rapid): %s; explorer: %s; unit tests: %s\n", r.ByRapid, r.ByExplorer, r.ByUnitTests)
	if v := r.Rapid; v != nil {
		fmt.Printf("  property tests: caught by %s, shrunk to %s: %s => %s\n",
			v.Mismatch.Caught(), plural(v.Steps(), "step"), strings.Join(v.Trace, "; "), v.Mismatch.Error())
	} else {
		fmt.Println("  property tests: no counterexample reported")
	}
	if v := r.Explored; v != nil {
		fmt.Printf("  explorer: depth %d, caught by %s\n", v.Steps(), v.Mismatch.Caught())
		for _, step := range v.Trace {
			fmt.Printf("    %s\n", step)
		}
		fmt.Printf("    => %s\n", v.Mismatch.Error())
	} else {
		fmt.Println("  explorer: no violation found")
	}
	if len(r.Failed) > 0 {
		fmt.Printf("  failed: %s\n", strings.Join(r.Failed, ", "))
	}
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
