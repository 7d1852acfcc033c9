package main

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/rcbook/rcbook/lab"
)

// labRust compares rcbook with Rust's std (lab.CompareExplored,
// lab.CompareRandom): every explorer sequence to -depth, then -random
// random sequences of -length steps, for each family asked for.
func labRust(args []string) error {
	fs := flag.NewFlagSet("lab rust", flag.ContinueOnError)
	depth := fs.Int("depth", 6, "replay every explorer sequence up to this depth")
	random := fs.Int("random", 200, "random sequences to replay after the explorer's, per family")
	length := fs.Int("length", 100, "steps in each random sequence, before every handle left is dropped")
	seed := fs.Uint64("seed", 0, "seed of the random sequences (0: one drawn from the clock, and printed)")
	families := fs.String("family", "rc,pool,arc", "the families to compare: rc and pool (rc's pooled headers) with std::rc, arc with std::sync on one thread")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("lab rust takes no arguments, got %q", fs.Args())
	}
	var chosen []lab.RustFamily
	for _, name := range strings.Split(*families, ",") {
		found := false
		for _, f := range lab.RustFamilies {
			if f.Name == name {
				chosen, found = append(chosen, f), true
			}
		}
		if !found {
			return usagef("lab rust: unknown family %q (rc, pool or arc)", name)
		}
	}
	if *length < 1 {
		return usagef("lab rust: -length must be at least 1")
	}
	if *seed == 0 {
		*seed = uint64(time.Now().UnixNano())
	}
	bin, version, err := lab.BuildRust()
	if err != nil {
		return err
	}
	fmt.Printf("rcdiff built by %s: %s\n", version, bin)
	if *random > 0 {
		fmt.Printf("random sequences: rerun them with -seed %d\n", *seed)
	}
	sequences, steps := 0, 0
	for _, f := range chosen {
		compares := []func() (lab.RustRun, *lab.Divergence, error){
			func() (lab.RustRun, *lab.Divergence, error) { return lab.CompareExplored(bin, f, *depth) },
		}
		if *random > 0 {
			compares = append(compares, func() (lab.RustRun, *lab.Divergence, error) {
				return lab.CompareRandom(bin, f, *random, *length, *seed)
			})
		}
		for _, compare := range compares {
			run, div, err := compare()
			if err != nil {
				return err
			}
			if div != nil {
				fmt.Print(div)
				return fmt.Errorf("lab rust: %s differs from Rust's std (after %d sequences that agreed)", f.Name, run.Sequences)
			}
			fmt.Println(run)
			sequences += run.Sequences
			steps += run.Steps
		}
	}
	fmt.Printf("rust: %d sequences, %d steps agree with Rust std\n", sequences, steps)
	return nil
}
