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
	update := fs.String("update", "", "rewrite the explore region of this markdown file")
	check := fs.String("check", "", "fail if the explore region of this markdown file is out of date")
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
	return writeRegion(*update, *check, "explore", lab.ExploreMarkdown(res.Depth, res.States, res.Sequences, violations))
}

// writeRegion updates or checks a generated region of a chapter, if asked.
func writeRegion(update, check, name, content string) error {
	switch {
	case update != "":
		if err := lab.UpdateFile(update, name, content); err != nil {
			return err
		}
		fmt.Printf("updated the %s region of %s\n", name, update)
	case check != "":
		if err := lab.CheckFile(check, name, content); err != nil {
			return err
		}
		fmt.Printf("the %s region of %s is up to date\n", name, check)
	}
	return nil
}
