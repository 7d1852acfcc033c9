package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/course"
)

// showSolution prints ex's reference solution once ex has passed. In a
// checkout it is exercises/NN-slug/solution.go; in a course rcbook init
// wrote, the first time it is asked for, it is written there from the
// course embedded in rcbook, as rustlings writes its solutions after a
// pass: its build line keeps it out of the learner's go test.
func showSolution(place course.Place, p *course.Progress, ex course.Exercise, out io.Writer) error {
	if !p.Done(ex.Slug) {
		return fmt.Errorf("exercise %02d is not done yet: its solution opens once `rcbook exercises check %d` passes", ex.Number, ex.Number)
	}
	files, err := course.ReadSolution(ex)
	written := false
	if err != nil && place.Checkout == "" {
		shipped, shippedErr := course.Shipped()
		if shippedErr != nil {
			return shippedErr
		}
		files, err = course.WriteSolution(ex, shipped)
		written = true
	}
	if err != nil {
		return err
	}
	for _, f := range files {
		fmt.Fprintf(out, "// %s, the reference solution of %02d. %s\n\n%s", shortPath(f.Path), ex.Number, ex.Title, f.Text)
	}
	if written {
		fmt.Fprintf(out, "\nWritten to %s, beside your %s; its build line keeps it out of your tests.\n",
			shortPath(files[0].Path), filepath.Base(ex.Stub()))
	}
	return nil
}

// verify is `rcbook exercises verify`: the course embedded in this rcbook,
// stubs and solutions as shipped, tested in a temporary copy against the
// library of the checkout wd is in, or else the library this rcbook was
// built with (see course.LibraryFor). In a checkout it first compares the
// embedded course with exercises/ and warns if they differ: a maintainer
// has then forgotten go generate (a test fails on that too), or a learner
// has been doing the exercises there, which is no problem.
func verify(wd string, out io.Writer) error {
	shipped, err := course.Shipped()
	if err != nil {
		return err
	}
	place, _ := course.Find(wd)
	if place.Checkout != "" {
		warnIfStale(shipped, filepath.Join(place.Checkout, "exercises"))
	}
	info, _ := debug.ReadBuildInfo()
	lib, err := course.LibraryFor(info, place.Checkout, builtIn())
	if place.Checkout != "" {
		lib, err = course.Library{Dir: place.Checkout}, nil // the library being verified, whatever this rcbook's version
	}
	if err != nil {
		return err
	}
	_, err = course.VerifyShipped(shipped, lib, course.GoTest, course.RunGo, out)
	return err
}

// warnIfStale warns on standard error if the course in dir differs from the
// one embedded.
func warnIfStale(shipped *course.Archive, dir string) {
	packed, err := course.Pack(dir, "")
	if err != nil {
		fmt.Fprintf(os.Stderr, "rcbook: cannot compare the embedded course with %s: %v\n", dir, err)
		return
	}
	diff := course.Diff(packed, shipped)
	if len(diff) == 0 {
		return
	}
	if len(diff) > 5 {
		diff = append(diff[:5], fmt.Sprintf("and %d more", len(diff)-5))
	}
	fmt.Fprintf(os.Stderr, "rcbook: warning: verify tests the course embedded in this rcbook, which differs from %s in %s.\n"+
		"rcbook: If you changed the course, run go generate ./cmd/rcbook/internal/course and verify again.\n",
		shortPath(dir), strings.Join(diff, ", "))
}
