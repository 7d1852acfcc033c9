package main

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/rcbook/rcbook/lab"
	"github.com/rcbook/rcbook/lab/interleave"
)

// labInterleave explores the interleavings of the concurrent packages'
// real code (lab/interleave): every scenario up to a preemption bound, or
// every concurrent mutant, or one schedule replayed.
func labInterleave(args []string) error {
	fs := flag.NewFlagSet("lab interleave", flag.ContinueOnError)
	bound := fs.Int("bound", 2, "preemptions per schedule")
	only := fs.String("run", "", "explore only the scenarios (with -mutants: the mutants) whose names contain this text")
	mutants := fs.Bool("mutants", false, "hunt every concurrent mutant of the lab, each at the smallest bound that kills it")
	mutant := fs.String("mutant", "", "with -replay: replay on this mutant")
	replay := fs.String("replay", "", "PACKAGE:SCENARIO:SCHEDULE: run one schedule, as a violation printed it, and print every step")
	noDedup := fs.Bool("nodedup", false, "explore states seen before again")
	update := fs.String("update", "", "with -mutants: rewrite the interleave region of this markdown file")
	check := fs.String("check", "", "with -mutants: fail if the interleave region of this markdown file is out of date")
	if err := fs.Parse(args); err != nil {
		return err
	}
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	switch {
	case *replay != "":
		return interleaveReplay(root, *replay, *mutant)
	case *mutants:
		return interleaveMutants(root, *bound, *only, *noDedup, *update, *check)
	}
	start := time.Now()
	var schedules, states, scenarios int
	var violations []string
	for _, t := range interleave.Targets {
		reports, _, err := interleave.Explore(root, t, nil, interleave.Options{Bound: *bound, Run: *only, NoDedup: *noDedup})
		if err != nil {
			return err
		}
		for _, r := range reports {
			scenarios++
			schedules += r.Schedules
			states += r.States
			fmt.Printf("%-9s %-34s %6d schedules %7d states %4d steps at most %6dms\n",
				r.Package, r.Scenario, r.Schedules, r.States, r.MaxSteps, r.Millis)
			if r.Violation != nil {
				printViolation(r, "")
				violations = append(violations, r.Package+": "+r.Scenario)
			}
		}
	}
	fmt.Printf("interleave: %d scenarios, %d schedules, %d states, bound %d, %d violations (took %v)\n",
		scenarios, schedules, states, *bound, len(violations), time.Since(start).Round(time.Second))
	if len(violations) > 0 {
		return fmt.Errorf("interleave: violations in %s", strings.Join(violations, ", "))
	}
	return nil
}

// printViolation prints r's violation and how to replay it.
func printViolation(r interleave.Report, mutant string) {
	v := r.Violation
	fmt.Printf("  VIOLATION at bound %d: %s: %s\n", r.Bound, v.Rule, strings.ReplaceAll(v.Message, "\n", "; "))
	flagMutant := ""
	if mutant != "" {
		flagMutant = " -mutant " + mutant
	}
	fmt.Printf("  replay: go run ./cmd/rcbook lab interleave%s -replay '%s:%s:%s'\n", flagMutant, r.Package, r.Scenario, v.Schedule)
}

func interleaveReplay(root, spec, mutant string) error {
	pkg, rest, ok := strings.Cut(spec, ":")
	if !ok {
		return fmt.Errorf("lab interleave: -replay wants PACKAGE:SCENARIO:SCHEDULE, got %q", spec)
	}
	var target *interleave.Target
	for _, t := range interleave.Targets {
		if t.Package == pkg {
			target = &t
		}
	}
	if target == nil {
		return fmt.Errorf("lab interleave: no package %q (arc, refcount, rwlock, rcmap)", pkg)
	}
	var m *lab.Mutant
	if mutant != "" {
		for _, c := range lab.ConcurrentMutants {
			if c.Name == mutant {
				m = &c
			}
		}
		if m == nil {
			return fmt.Errorf("lab interleave: no concurrent mutant %q", mutant)
		}
	}
	reports, trace, err := interleave.Explore(root, *target, m, interleave.Options{Replay: rest})
	if err != nil {
		return err
	}
	for _, step := range trace {
		fmt.Println(step)
	}
	for _, r := range reports {
		if r.Violation != nil {
			fmt.Printf("=> %s: %s\n", r.Violation.Rule, r.Violation.Message)
			return fmt.Errorf("the schedule breaks a rule")
		}
	}
	fmt.Println("=> no violation")
	return nil
}

// interleaveMutants hunts every concurrent mutant, trying bound 0, 1, ...
// up to bound, and reports the smallest that kills each.
func interleaveMutants(root string, bound int, only string, noDedup bool, update, check string) error {
	start := time.Now()
	var kills []interleave.Kill
	for _, m := range lab.ConcurrentMutants {
		if !strings.Contains(m.Name, only) {
			continue
		}
		t, ok := interleave.TargetOf(m)
		if !ok {
			return fmt.Errorf("lab interleave: mutant %s is in no package the lab explores", m.Name)
		}
		mStart := time.Now()
		reports, _, err := interleave.Explore(root, t, &m, interleave.Options{Bound: bound, MinBound: true, NoDedup: noDedup})
		if err != nil {
			return err
		}
		k := interleave.Killed(m, reports)
		kills = append(kills, k)
		if k.Report == nil {
			fmt.Printf("%-34s SURVIVED bound %d: %s\n", m.Name, bound, m.Bug)
			continue
		}
		fmt.Printf("%-34s killed at bound %d by %s (%v)\n", m.Name, k.Report.Bound, k.Report.Scenario, time.Since(mStart).Round(100*time.Millisecond))
		printViolation(*k.Report, m.Name)
	}
	survived := 0
	for _, k := range kills {
		if k.Report == nil {
			survived++
		}
	}
	fmt.Printf("interleave: killed %d of %d concurrent mutants, bound at most %d (took %v)\n",
		len(kills)-survived, len(kills), bound, time.Since(start).Round(time.Second))
	if survived > 0 {
		return fmt.Errorf("interleave: %d concurrent mutants survived", survived)
	}
	if only != "" {
		return nil // a partial run cannot write or check the whole region
	}
	return writeRegion(update, check, "interleave", interleave.Markdown(kills, bound))
}
