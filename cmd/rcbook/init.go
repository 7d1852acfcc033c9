package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/course"
)

// initHelp is the help of rcbook init.
const initHelp = `Writes the course into DIR (default: a new folder rcbook-course here), which
must be new or empty: every exercise's README, stub, shared files and tests, and
a go.mod that requires github.com/rcbook/rcbook at this rcbook's own version.
Then it runs go mod tidy there, which downloads the library and the test
packages through the Go module proxy, and says what to do next. Every
rcbook exercises command works inside that folder, and its subfolders; the
progress is kept there too (.progress.json). The reference solutions are in
rcbook itself: rcbook exercises solution N writes and shows one once exercise
N passes.

A development build of rcbook (go install ./cmd/rcbook, go run) has no
published version to require: its course takes the library from the checkout
it was built in, or the one you run it in, through a replace directive, and
init says so. -replace DIR does that with any checkout, whatever the version.`

// initCmd is `rcbook init [-replace DIR] [DIR]`.
func initCmd(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	replace := fs.String("replace", "", "take the library from this checkout of rcbook, through a replace directive")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usagef("init: too many arguments: usage: rcbook init [-replace DIR] [DIR]")
	}
	dir := "rcbook-course"
	if fs.NArg() == 1 {
		dir = fs.Arg(0)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	lib, err := initLibrary(*replace, out)
	if err != nil {
		return err
	}
	shipped, err := course.Shipped()
	if err != nil {
		return err
	}
	if err := course.Init(abs, shipped, lib, course.RunGo, out); err != nil {
		return err
	}
	c, err := course.Load(abs)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "\nThe course is ready in %s: %d exercises. What to do next:\n\n", shortPath(abs), len(c.Exercises))
	fmt.Fprintf(out, "  cd %s\n", shortPath(abs))
	fmt.Fprintf(out, "  rcbook exercises next     what to read and what to edit first\n")
	fmt.Fprintf(out, "  rcbook exercises watch    re-runs the tests on every save; h hint, q quit\n\n")
	fmt.Fprintf(out, "Inside an exercise's folder, check, hint, watch and solution need no number.\n")
	return nil
}

// initLibrary decides where the course init writes takes the library from:
// the checkout -replace names, or what course.LibraryFor makes of this
// rcbook's build, saying so when it is a checkout.
func initLibrary(replace string, out io.Writer) (course.Library, error) {
	if replace != "" {
		dir, err := filepath.Abs(replace)
		if err != nil {
			return course.Library{}, err
		}
		if course.ModulePath(dir) != course.LibraryModule {
			return course.Library{}, fmt.Errorf("-replace %s: not a checkout of rcbook (its go.mod is not module %s)", replace, course.LibraryModule)
		}
		return course.Library{Dir: dir}, nil
	}
	info, _ := debug.ReadBuildInfo()
	wd, _ := os.Getwd()
	here, _ := course.Find(wd)
	lib, err := course.LibraryFor(info, builtIn(), here.Checkout)
	if err == nil && lib.Dir != "" {
		fmt.Fprintf(out, "This rcbook is a development build: it has no published version for the\n"+
			"course to require, so the course takes the library from the checkout at\n  %s\n"+
			"through a replace directive. An rcbook installed with\n  go install %s/cmd/rcbook@latest\n"+
			"requires its own version instead.\n\n",
			lib.Dir, course.LibraryModule)
	}
	return lib, err
}

// builtIn returns the root of the checkout this rcbook was compiled from,
// as the compiler recorded this file's path, or "" if it recorded none
// (-trimpath) or the checkout is no longer there.
func builtIn() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok || !filepath.IsAbs(file) {
		return ""
	}
	root := filepath.Dir(filepath.Dir(filepath.Dir(file))) // file is <root>/cmd/rcbook/init.go
	if course.ModulePath(root) != course.LibraryModule {
		return ""
	}
	return root
}
