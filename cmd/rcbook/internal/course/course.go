// Package course is the exercises' side of rcbook: it finds the course
// (Find: a folder rcbook init wrote, or exercises/ in a checkout), reads
// each README's title, chapter and hints, keeps the learner's progress
// between runs, runs go test on an exercise, and watches it. The course as
// shipped is embedded (Shipped): Init writes it into a learner's folder,
// WriteSolution and Restore take solutions and stubs from it, and
// VerifyShipped tests its stubs and solutions in a temporary copy.
//
// An exercise is a folder NN-slug of the course's module,
// github.com/rcbook/rcbook/exercises:
//
//	README.md      "# NN. Title", "Follows chapter ...", "## Your task", "## Hints"
//	exercise.go    //go:build !solution  the stub the learner fills in
//	solution.go    //go:build solution   the reference solution
//	*.go           shared by both (no build tag)
//	*_test.go      the tests; they fail on the stub and pass on the solution
//
// The exercises are taken in number order; the current exercise is the
// first one the learner has not passed yet.
package course

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
)

// Exercise is one folder of the course, exercises/NN-slug.
type Exercise struct {
	Number  int      // NN as a number: 1 for 01-cleanup
	Slug    string   // the folder's name: 01-cleanup
	Dir     string   // the folder's path
	Title   string   // the README's first line without "# NN. "
	Chapter string   // what follows "Follows chapter " in the README: 03 (Clone and Drop)
	Hints   []string // the items of the README's "## Hints" list, hint 1 first
}

// README returns the path of the exercise's README.md.
func (e Exercise) README() string { return filepath.Join(e.Dir, "README.md") }

// Stub returns the path of exercise.go, the file the learner edits.
func (e Exercise) Stub() string { return filepath.Join(e.Dir, "exercise.go") }

// Solution returns the path of solution.go, the reference solution.
func (e Exercise) Solution() string { return filepath.Join(e.Dir, "solution.go") }

// Package returns the exercise's package as go test names it from the
// exercises directory: ./01-cleanup.
func (e Exercise) Package() string { return "./" + e.Slug }

// Course is the exercises found in one directory, in number order.
type Course struct {
	Dir       string     // the exercises module: go test runs here
	Exercises []Exercise // sorted by Number
	Problems  []Problem  // folders that look like exercises but cannot be used
	Run       Runner     // runs go test; Load sets GoTest, tests set a fake
}

// slugPattern is an exercise folder's name: two or more digits, a dash, and
// lower-case words joined by dashes.
var slugPattern = regexp.MustCompile(`^([0-9]{2,})-[a-z0-9]+(-[a-z0-9]+)*$`)

// Load finds the exercises in dir: every folder whose name is NN-slug. Each
// must have a README in the course's format. A folder whose README is
// missing or malformed, or that reuses another folder's number, is left out
// of Exercises and reported in Problems, so that the learner can go on with
// the others while verify fails in CI. Load's error is only for a dir it
// cannot read.
func Load(dir string) (*Course, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	c := &Course{Dir: dir, Run: GoTest}
	seen := map[int]string{}
	for _, entry := range entries { // in name order, so the lower folder keeps a shared number
		m := slugPattern.FindStringSubmatch(entry.Name())
		if !entry.IsDir() || m == nil {
			continue
		}
		ex, err := load(dir, entry.Name(), m[1])
		if err == nil && seen[ex.Number] != "" {
			err = fmt.Errorf("number %d is taken by %s", ex.Number, seen[ex.Number])
		}
		if err != nil {
			c.Problems = append(c.Problems, Problem{Slug: entry.Name(), Err: err})
			continue
		}
		seen[ex.Number] = ex.Slug
		c.Exercises = append(c.Exercises, ex)
	}
	sort.Slice(c.Exercises, func(i, j int) bool { return c.Exercises[i].Number < c.Exercises[j].Number })
	return c, nil
}

// load reads the exercise in folder slug of dir, numbered digits.
func load(dir, slug, digits string) (Exercise, error) {
	n, err := strconv.Atoi(digits)
	if err != nil {
		return Exercise{}, err
	}
	ex := Exercise{Number: n, Slug: slug, Dir: filepath.Join(dir, slug)}
	text, err := os.ReadFile(ex.README())
	if err != nil {
		var pathErr *fs.PathError
		if errors.As(err, &pathErr) {
			err = pathErr.Err // the path is long; name the file as the other problems do
		}
		return Exercise{}, fmt.Errorf("README.md: %w", err)
	}
	ex.Title, ex.Chapter, ex.Hints, err = parseReadme(string(text), n)
	if err != nil {
		return Exercise{}, fmt.Errorf("README.md: %w", err)
	}
	return ex, nil
}

// Problem is a folder that looks like an exercise, by its name, but cannot
// be used as one.
type Problem struct {
	Slug string // the folder's name
	Err  error  // what is wrong: "README.md: missing ...", "number 1 is taken by 01-cleanup"
}

// Error says which folder and what is wrong with it.
func (p Problem) Error() string { return p.Slug + ": " + p.Err.Error() }

// Lookup finds an exercise by number ("1" or "01") or by folder name
// ("01-cleanup").
func (c *Course) Lookup(arg string) (Exercise, error) {
	n, err := strconv.Atoi(arg)
	for _, ex := range c.Exercises {
		if (err == nil && ex.Number == n) || ex.Slug == arg {
			return ex, nil
		}
	}
	if len(c.Exercises) == 0 {
		return Exercise{}, fmt.Errorf("no exercise %q: there are no exercises in %s", arg, c.Dir)
	}
	first, last := c.Exercises[0], c.Exercises[len(c.Exercises)-1]
	return Exercise{}, fmt.Errorf("no exercise %q: the exercises are numbered %02d to %02d", arg, first.Number, last.Number)
}

// Current returns the first exercise that p does not mark done, and false
// if every exercise is done.
func (c *Course) Current(p *Progress) (Exercise, bool) {
	for _, ex := range c.Exercises {
		if !p.Done(ex.Slug) {
			return ex, true
		}
	}
	return Exercise{}, false
}

// Done counts the exercises of the course that p marks done. Marks for
// folders that no longer exist are not counted.
func (c *Course) Done(p *Progress) int {
	n := 0
	for _, ex := range c.Exercises {
		if p.Done(ex.Slug) {
			n++
		}
	}
	return n
}
