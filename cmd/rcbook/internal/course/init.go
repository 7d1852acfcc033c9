package course

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
)

// GoCommand runs the go command with args in dir, copying what it prints to
// out. The error says why it failed.
type GoCommand func(dir string, args []string, out io.Writer) error

// RunGo is the GoCommand that runs the go command found on PATH.
func RunGo(dir string, args []string, out io.Writer) error {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = out, out
	return cmd.Run()
}

// ErrNotEmpty is Init's error for a folder that already holds something:
// init never writes over a learner's files.
var ErrNotEmpty = errors.New("is not empty: rcbook init writes a new course into a new or empty folder")

// Init writes the course a into dir for a learner, and makes its go.mod
// take the library from lib. dir is made if it does not exist; if it
// exists, it must be an empty folder. Everything in a is written except
// the reference solutions (IsSolution), which wait for the learner to pass
// each exercise. The go.mod shipped is edited with `go mod edit`, and then
// `go mod tidy` downloads what the tests import (the library, testify,
// rapid) and completes go.sum: Init says so on out first, since it needs
// the module proxy (GOPROXY). If tidy fails, the course is left written,
// and the error says how to finish.
func Init(dir string, a *Archive, lib Library, goCmd GoCommand, out io.Writer) error {
	if err := emptyFolder(dir); err != nil {
		return err
	}
	if _, ok := a.Files["go.mod"]; !ok {
		return errors.New("the course shipped has no go.mod")
	}
	if err := a.WriteTo(dir, func(name string, data []byte) bool { return !IsSolution(name, data) }); err != nil {
		return err
	}
	if err := goCmd(dir, lib.modEdit(), out); err != nil {
		return fmt.Errorf("go %v in %s: %w", lib.modEdit(), dir, err)
	}
	fmt.Fprintf(out, "Wrote %d exercises to %s.\n", countExercises(a), dir)
	if lib.Dir != "" {
		fmt.Fprintf(out, "Its go.mod replaces %s with\n  %s\n", LibraryModule, lib.Dir)
	} else {
		fmt.Fprintf(out, "Its go.mod requires %s %s.\n", LibraryModule, lib.Version)
	}
	fmt.Fprintf(out, "Running go mod tidy there: it downloads the library and the test packages\n"+
		"through the Go module proxy...\n")
	if err := goCmd(dir, []string{"mod", "tidy"}, out); err != nil {
		return fmt.Errorf("go mod tidy in %s: %w\nThe course is written; once the module proxy can be reached, run go mod tidy in %s", dir, err, dir)
	}
	return nil
}

// emptyFolder makes dir, or checks that it is an empty folder.
func emptyFolder(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return err
	case len(entries) > 0:
		return fmt.Errorf("%s %w", dir, ErrNotEmpty)
	}
	return nil
}

// countExercises counts the exercise folders of a: the folders whose
// name has the form NN-slug.
func countExercises(a *Archive) int {
	seen := map[string]bool{}
	for _, name := range a.Names() {
		if folder := path.Dir(name); slugPattern.MatchString(folder) {
			seen[folder] = true
		}
	}
	return len(seen)
}
