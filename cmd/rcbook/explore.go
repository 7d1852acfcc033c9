package main

import (
	"flag"
	"fmt"
	"time"

	"github.com/rcbook/rcbook/lab"
)

func labExplore(args []string) error {
	fs := flag.NewFlagSet("lab explore", flag.ContinueOnError)
	depth := fs.Int("depth", 6, "longest operation sequence to explore")
	if err := fs.Parse(args); err != nil {
		return err
	}
	start := time.Now()
	res := lab.Explore(*depth)
	violations := 0
	if res.Violation != nil {
		violations = 1
		fmt.Printf("violation:\n%v\n", res.Violation)
	}
	fmt.Printf("universe: at most %d live allocations, %d handles each; took %v\n",
		lab.Universe.MaxAllocs, lab.Universe.MaxHandles, time.Since(start).Round(time.Millisecond))
	fmt.Printf("explore: %d states, %d sequences, depth %d, %d violations\n",
		res.States, res.Sequences, res.Depth, violations)
	if violations > 0 {
		return fmt.Errorf("exploration found a violation")
	}
	return nil
}
