package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/figures"
)

// docsFigures measures the book's figures, prints each beside the value in
// docs/figures.tsv, and with -update rewrites the file.
func docsFigures(args []string) error {
	flags := flag.NewFlagSet("docs figures", flag.ContinueOnError)
	update := flags.Bool("update", false, "write the new figures to "+figures.Path)
	rounds := flags.Int("rounds", 8, "go test runs per build, the builds alternating")
	count := flags.Int("count", 2, "-count of each go test run")
	benchtime := flags.String("benchtime", "", "-benchtime of each go test run (default go test's, 1s)")
	only := flags.String("only", "", "measure only the figures whose names match this regular expression; -update keeps the others as the file has them")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *rounds < 1 || *count < 1 {
		return usagef("docs figures: -rounds and -count must be at least 1")
	}
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	path := filepath.Join(root, figures.Path)
	old, err := figures.Read(path)
	if errors.Is(err, fs.ErrNotExist) {
		old, err = &figures.File{}, nil
	}
	if err != nil {
		return err
	}
	goVersion, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		return fmt.Errorf("go env GOVERSION: %v", err)
	}

	o := figures.Options{Root: root, Rounds: *rounds, Count: *count, Benchtime: *benchtime, Log: os.Stderr}
	book := figures.Book()
	defs := book
	if *only != "" {
		re, err := regexp.Compile(*only)
		if err != nil {
			return usagef("docs figures: -only: %v", err)
		}
		defs = slices.DeleteFunc(slices.Clone(book), func(d figures.Def) bool { return !re.MatchString(d.Name) })
		if len(defs) == 0 {
			return usagef("docs figures: -only %q matches no figure", *only)
		}
	}
	runs, err := figures.Measure(defs, o)
	if err != nil {
		return err
	}
	day := time.Now().UTC().Format("2006-01-02")
	figs, err := figures.Figures(defs, runs, day)
	if err != nil {
		return err
	}
	for _, f := range figs {
		was := "new"
		if o, ok := old.Lookup(f.Name); ok {
			was = o.Text() + change(o.Value, f.Value)
		}
		fmt.Printf("%-44s %12s   was %s\n", f.Name, f.Text(), was)
	}
	if !*update {
		fmt.Printf("figures: %d measured; run with -update to write %s\n", len(figs), figures.Path)
		return nil
	}
	notes := figures.Notes(runs, o, strings.TrimSpace(string(goVersion)), runtime.NumCPU(), day)
	if *only != "" {
		// The other figures keep the notes of their own measurement; the
		// figures measured now say their day on their own lines.
		again := fmt.Sprintf("Figures matching %q measured again", *only)
		notes = slices.DeleteFunc(slices.Clone(old.Notes), func(n string) bool { return strings.HasPrefix(n, again) })
		notes = append(notes, fmt.Sprintf("%s on %s, %d runs per build.", again, day, *rounds))
		if figs, err = figures.Merge(book, figs, old); err != nil {
			return err
		}
	}
	file := &figures.File{Notes: notes, Figures: figs}
	if err := file.Write(path); err != nil {
		return err
	}
	fmt.Printf("figures: %d written to %s; `rcbook docs check -update` brings the prose along\n", len(figs), figures.Path)
	return nil
}

// change is the relative change from was to now, as " (+12%)".
func change(was, now string) string {
	a, errA := strconv.ParseFloat(was, 64)
	b, errB := strconv.ParseFloat(now, 64)
	if errA != nil || errB != nil || a == 0 {
		return ""
	}
	return fmt.Sprintf(" (%+.0f%%)", (b-a)/a*100)
}
