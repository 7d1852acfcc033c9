package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
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
	defs := figures.Book()
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
	file := &figures.File{Notes: figures.Notes(runs, o, strings.TrimSpace(string(goVersion)), runtime.NumCPU(), day), Figures: figs}
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
