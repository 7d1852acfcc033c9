package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/course"
)

// exerciseCommands are the subcommands of rcbook exercises: one table for
// dispatch, argument counts and help.
var exerciseCommands = []struct {
	name, args, short string
	least, most       int // how many arguments it takes
}{
	{"list", "", "every exercise, done or pending, and a progress bar (the default)", 0, 0},
	{"next", "", "the first pending exercise: what to read, what to edit, how to check", 0, 0},
	{"hint", "[N [K]]", "exercise N's first hint, or hint K; K all shows every one", 0, 2},
	{"check", "[N]", "run exercise N's tests; passing marks it done", 0, 1},
	{"solution", "[N]", "once exercise N passes, its reference solution, written beside your stub", 0, 1},
	{"reset", "N", "put exercise N's stub back as shipped (asks first)", 1, 1},
	{"watch", "[N]", "re-run exercise N on every save; keys: h hint, l list, n next, r re-run, q quit", 0, 1},
	{"verify", "", "for maintainers: in a temporary copy, every stub shipped fails and every solution passes", 0, 0},
}

// exercisesHelp lists the subcommands of rcbook exercises.
func exercisesHelp() string {
	var b strings.Builder
	b.WriteString("The course's exercises: each is a folder NN-slug with a README, a stub that\n" +
		"panics TODO, and tests. They work inside a course that `rcbook init` wrote, or\n" +
		"inside a checkout of rcbook (its exercises/), from any folder below. Without N,\n" +
		"hint, check, watch and solution take the exercise whose folder you are in; check,\n" +
		"hint and watch outside one take the first pending exercise. The commands are:\n\n")
	for _, c := range exerciseCommands {
		fmt.Fprintf(&b, "  %-14s %s\n", strings.TrimSpace(c.name+" "+c.args), c.short)
	}
	return b.String()
}

// exercisesCmd is `rcbook exercises`: the course found from the working
// directory (see course.Find), the learner's progress through it (kept in
// the course's folder, .progress.json), and verify for CI.
func exercisesCmd(args []string) error {
	wd, err := os.Getwd()
	if err != nil {
		return err
	}
	return exercises(wd, args, os.Stdin, os.Stdout)
}

// exercises runs one exercises command from the folder wd.
func exercises(wd string, args []string, in io.Reader, out io.Writer) error {
	name, rest := "list", args
	if len(args) > 0 {
		name, rest = args[0], args[1:]
	}
	if isHelp(name) {
		fmt.Fprintln(out, "usage: rcbook exercises [command] [arguments]\n\n"+exercisesHelp())
		return nil
	}
	if err := checkArgs(name, rest); err != nil {
		return err
	}
	if name == "verify" {
		return verify(wd, out)
	}
	place, err := course.Find(wd)
	if err != nil {
		return err
	}
	c, err := course.Load(place.Dir)
	if err != nil {
		return fmt.Errorf("exercises: %w", err)
	}
	p, warning := course.LoadProgress(filepath.Join(c.Dir, course.ProgressFile))
	if warning != nil {
		fmt.Fprintln(os.Stderr, "rcbook:", warning)
	}
	for _, problem := range c.Problems {
		fmt.Fprintf(os.Stderr, "rcbook: skipping %s%c%v\n", shortPath(c.Dir), filepath.Separator, problem)
	}

	switch name {
	case "list":
		c.List(out, p)
		if _, more := c.Current(p); more {
			fmt.Fprintln(out, "What to do next: rcbook exercises next")
		}
		return nil
	case "next":
		return showNext(place.Checkout, c, p, out)
	case "reset": // the one that needs a number: it throws work away
		ex, err := c.Lookup(rest[0])
		if err != nil {
			return err
		}
		return reset(place.Checkout, c, p, ex, in, out)
	}

	// hint's last argument may be "all", with or without N.
	all := name == "hint" && len(rest) > 0 && rest[len(rest)-1] == "all"
	if all {
		rest = rest[:len(rest)-1]
	}
	// The rest default to where you are.
	ex, err := pick(c, p, wd, rest, name != "solution")
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	switch name {
	case "hint":
		k := 1 // one at a time: the first, unless K says which
		switch {
		case all:
			k = 0
		case len(rest) == 2:
			if k, err = strconv.Atoi(rest[1]); err != nil || k < 1 {
				return fmt.Errorf("hint %s: K is a hint's number, from 1, or all", rest[1])
			}
		}
		return course.Hints(out, ex, k)
	case "check":
		return check(c, p, ex, out)
	case "solution":
		return showSolution(place, p, ex, out)
	default: // watch
		return watch(c, p, ex, in, out)
	}
}

// checkArgs refuses an unknown command, or a wrong number of arguments.
func checkArgs(name string, rest []string) error {
	var names []*command // for the did-you-mean
	for _, c := range exerciseCommands {
		names = append(names, &command{name: c.name})
		if c.name != name {
			continue
		}
		if len(rest) < c.least || len(rest) > c.most {
			return usagef("exercises %s: wrong number of arguments: usage: rcbook exercises %s %s", name, name, c.args)
		}
		return nil
	}
	msg := fmt.Sprintf("exercises: unknown command %q", name)
	if near := nearest(names, name); near != "" {
		msg += fmt.Sprintf("; did you mean %q?", near)
	}
	return usagef("%s\nRun 'rcbook help exercises' for the list.", msg)
}

// pick finds the exercise named by args[0]; without one, the exercise
// whose folder wd is in, or else, if orCurrent, the first pending one.
func pick(c *course.Course, p *course.Progress, wd string, args []string, orCurrent bool) (course.Exercise, error) {
	if len(args) > 0 {
		return c.Lookup(args[0])
	}
	if ex, ok := c.At(wd); ok {
		return ex, nil
	}
	if !orCurrent {
		return course.Exercise{}, errors.New("name the exercise by its number, or run this inside its folder")
	}
	if ex, more := c.Current(p); more {
		return ex, nil
	}
	return course.Exercise{}, errors.New("every exercise is done: name one by its number")
}

// showNext tells the learner what to do for the first pending exercise;
// checkout is the checkout's root, where the chapters are, or "".
func showNext(checkout string, c *course.Course, p *course.Progress, out io.Writer) error {
	ex, more := c.Current(p)
	if !more {
		fmt.Fprintf(out, "All %d exercises are done. `rcbook exercises solution N` shows any reference solution.\n", len(c.Exercises))
		return nil
	}
	fmt.Fprintf(out, "Next: %02d. %s\n", ex.Number, ex.Title)
	chapter := "Follows chapter " + ex.Chapter
	if path := chapterFile(checkout, ex.Chapter); path != "" {
		chapter += ": " + shortPath(path)
	}
	fmt.Fprintf(out, "%s\n\n", chapter)
	fmt.Fprintf(out, "  read   %s\n", shortPath(ex.README()))
	fmt.Fprintf(out, "  edit   %s\n", shortPath(ex.Stub()))
	fmt.Fprintf(out, "  check  rcbook exercises check %d   (or rcbook exercises watch: it re-runs on every save)\n", ex.Number)
	fmt.Fprintf(out, "  stuck? rcbook exercises hint %d   (%d hints)\n", ex.Number, len(ex.Hints))
	fmt.Fprintf(out, "\n%s\n", course.Bar(c.Done(p), len(c.Exercises), min(len(c.Exercises), 30)))
	return nil
}

// chapterFile finds the chapter an exercise follows, docs/chapters/NN-*.md
// in the checkout at root, from the number at the start of "03 (Clone and
// Drop)"; "" if there is no checkout or no such file yet.
func chapterFile(root, chapter string) string {
	number, _, _ := strings.Cut(chapter, " ")
	if _, err := strconv.Atoi(number); err != nil || root == "" {
		return ""
	}
	matches, _ := filepath.Glob(filepath.Join(root, "docs", "chapters", number+"-*.md"))
	if len(matches) == 0 {
		return ""
	}
	return matches[0]
}

// check runs go vet and the tests on the learner's code for ex, shows what
// they found, and ends with the verdict: done, or not yet and why. The
// verdict is recorded every time, so breaking a done exercise undoes it.
func check(c *course.Course, p *course.Progress, ex course.Exercise, out io.Writer) error {
	fmt.Fprintf(out, "$ go vet %s && go test %s   (in %s%c)\n", ex.Package(), ex.Package(), shortPath(c.Dir), filepath.Separator)
	wasDone := p.Done(ex.Slug)
	r, err := c.CheckReport(ex, p)
	if err != nil {
		return err
	}
	var report bytes.Buffer
	if r.Print(&report); report.Len() > 0 {
		fmt.Fprintf(out, "\n%s", report.Bytes())
	}
	fmt.Fprintln(out) // the verdict comes last, after a blank line: here, or as the error
	undone := ""
	if wasDone && r.Outcome != course.Passed {
		undone = "; it is no longer marked done"
	}
	switch r.Outcome {
	case course.Failed:
		return fmt.Errorf("%s does not pass yet: %s%s\nStuck? rcbook exercises hint %d", ex.Slug, r.Summary(), undone, ex.Number)
	case course.NoBuild:
		return fmt.Errorf("%s does not compile yet: read the compiler's messages above%s", ex.Slug, undone)
	case course.NoTests:
		return fmt.Errorf("%s has no tests to run: is the folder complete?%s", ex.Slug, undone)
	}
	fmt.Fprintf(out, "%s passes: marked done %s\n", ex.Slug, course.Bar(c.Done(p), len(c.Exercises), min(len(c.Exercises), 30)))
	fmt.Fprintf(out, "Compare with the reference solution: rcbook exercises solution %d\n", ex.Number)
	if _, more := c.Current(p); more {
		fmt.Fprintln(out, "Then go on: rcbook exercises next")
	} else {
		fmt.Fprintln(out, "That was the last one: every exercise is done.")
	}
	return nil
}

// reset asks, then puts ex's stub back as shipped: from git in the
// checkout at root, or, for a course init wrote (root ""), from the
// course embedded in rcbook.
func reset(root string, c *course.Course, p *course.Progress, ex course.Exercise, in io.Reader, out io.Writer) error {
	fmt.Fprintf(out, "Reset exercise %d to its stub? Your changes will be lost [y/N] ", ex.Number)
	answer, err := bufio.NewReader(in).ReadString('\n')
	if err != nil && answer == "" {
		fmt.Fprintln(out)
	}
	if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
		fmt.Fprintf(out, "Left %s as it is.\n", shortPath(ex.Stub()))
		return nil
	}
	err = course.ErrNotGitCheckout
	if root != "" {
		err = c.Reset(course.RunGit, root, ex, p)
	}
	if errors.Is(err, course.ErrNotGitCheckout) {
		shipped, shippedErr := course.Shipped()
		if shippedErr != nil {
			return shippedErr
		}
		err = c.Restore(ex, shipped, p)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%s is the stub again, and %02d is pending.\n", shortPath(ex.Stub()), ex.Number)
	return nil
}

// shortPath shows path relative to the working directory when that is
// shorter, as a learner would type it.
func shortPath(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	if rel, err := filepath.Rel(wd, path); err == nil && len(rel) < len(path) {
		return rel
	}
	return path
}
