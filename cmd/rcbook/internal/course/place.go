package course

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// The module paths that tell a course's folder.
const (
	// CourseModule is the course's module: exercises/ in a checkout of
	// rcbook, and every folder rcbook init writes.
	CourseModule = "github.com/rcbook/rcbook/exercises"
	// LibraryModule is rcbook's own module, which the course requires.
	LibraryModule = "github.com/rcbook/rcbook"
)

// ErrNoCourse is Find's error when no course is found above a folder.
var ErrNoCourse = errors.New("no rcbook course here: make one with `rcbook init`, then run this inside its folder " +
	"(or inside a checkout of rcbook, whose course is exercises/)")

// Place is where a course lives: the folder of its go.mod, and the rcbook
// checkout it belongs to, if it is one's exercises/.
type Place struct {
	Dir      string // the course's folder: go test runs here, and its progress is kept here
	Checkout string // the checkout's root when Dir is its exercises/; "" for a course rcbook init wrote
}

// Find finds the course that dir is in, looking at dir and the folders
// above it. The nearest go.mod decides: the course's module is the course;
// rcbook's own module is a checkout, whose course is exercises/; any other
// module is passed over. The error is ErrNoCourse if no go.mod above dir
// is either.
func Find(dir string) (Place, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return Place{}, err
	}
	for {
		switch ModulePath(dir) {
		case CourseModule:
			p := Place{Dir: dir}
			if parent := filepath.Dir(dir); filepath.Base(dir) == "exercises" && ModulePath(parent) == LibraryModule {
				p.Checkout = parent
			}
			return p, nil
		case LibraryModule:
			return Place{Dir: filepath.Join(dir, "exercises"), Checkout: dir}, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return Place{}, ErrNoCourse
		}
		dir = parent
	}
}

// ModulePath returns the module path that dir's go.mod declares, or "" if
// dir has no go.mod or it declares none.
func ModulePath(dir string) string {
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		rest, ok := strings.CutPrefix(strings.TrimSpace(line), "module")
		if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
			continue
		}
		rest, _, _ = strings.Cut(rest, "//")
		rest = strings.TrimSpace(rest)
		if unquoted, err := strconv.Unquote(rest); err == nil {
			rest = unquoted
		}
		return rest
	}
	return ""
}

// At returns the exercise whose folder dir is in, and false if dir is not
// inside any exercise's folder. Where you are is what you mean: check,
// hint, watch and solution without a number take this exercise.
func (c *Course) At(dir string) (Exercise, bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Exercise{}, false
	}
	courseDir, err := filepath.Abs(c.Dir)
	if err != nil {
		return Exercise{}, false
	}
	rel, err := filepath.Rel(courseDir, abs)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return Exercise{}, false
	}
	slug, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
	for _, ex := range c.Exercises {
		if ex.Slug == slug {
			return ex, true
		}
	}
	return Exercise{}, false
}
