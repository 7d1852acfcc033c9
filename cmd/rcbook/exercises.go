package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
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
	{"hint", "[N [K]]", "the hints of exercise N (default: the current one), or only hint K", 0, 2},
	{"check", "[N]", "run exercise N's tests (default: the current one); passing marks it done", 0, 1},
	{"solution", "N", "the reference solution of exercise N, once it is done", 1, 1},
	{"reset", "N", "put exercise N's stub back as shipped (asks first)", 1, 1},
	{"watch", "", "re-run the current exercise on every save, or when you press Enter", 0, 0},
	{"verify", "", "for maintainers: every stub fails as shipped and every solution passes", 0, 0},
}

// exercisesHelp lists the subcommands of rcbook exercises.
func exercisesHelp() string {
	var b strings.Builder
	b.WriteString("The course's exercises: each is a folder of exercises/ with a README, a stub\n" +
		"that panics TODO, and tests. The commands are:\n\n")
	for _, c := range exerciseCommands {
		fmt.Fprintf(&b, "  %-14s %s\n", strings.TrimSpace(c.name+" "+c.args), c.short)
	}
	return b.String()
}

// exercisesCmd is `rcbook exercises`: the course's exercises under
// exercises/, the learner's progress through them (kept in
// exercises/.progress.json), and verify for CI.
func exercisesCmd(args []string) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	return exercises(root, args, os.Stdin, os.Stdout)
}

// exercises runs one exercises command in the checkout at root.
func exercises(root string, args []string, in io.Reader, out io.Writer) error {
	c, err := course.Load(filepath.Join(root, "exercises"))
	if err != nil {
		return fmt.Errorf("exercises: %w", err)
	}
	p, warning := course.LoadProgress(filepath.Join(c.Dir, course.ProgressFile))
	if warning != nil {
		fmt.Fprintln(os.Stderr, "rcbook:", warning)
	}
	name, rest := "list", args
	if len(args) > 0 {
		name, rest = args[0], args[1:]
	}
	if name != "verify" { // verify reports them as failures
		for _, problem := range c.Problems {
			fmt.Fprintf(os.Stderr, "rcbook: skipping exercises/%v\n", problem)
		}
	}
	if isHelp(name) {
		fmt.Fprintln(out, "usage: rcbook exercises [command] [arguments]\n\n"+exercisesHelp())
		return nil
	}
	known := false
	var names []*command // for the did-you-mean
	for _, c := range exerciseCommands {
		names = append(names, &command{name: c.name})
		if c.name != name {
			continue
		}
		known = true
		if len(rest) < c.least || len(rest) > c.most {
			return usagef("exercises %s: wrong number of arguments: usage: rcbook exercises %s %s", name, name, c.args)
		}
	}
	if !known {
		msg := fmt.Sprintf("exercises: unknown command %q", name)
		if near := nearest(names, name); near != "" {
			msg += fmt.Sprintf("; did you mean %q?", near)
		}
		return usagef("%s\nRun 'rcbook help exercises' for the list.", msg)
	}

	switch name {
	case "list":
		c.List(out, p)
		if _, more := c.Current(p); more {
			fmt.Fprintln(out, "What to do next: rcbook exercises next")
		}
		return nil
	case "next":
		return showNext(root, c, p, out)
	case "verify":
		_, err := c.Verify(out)
		return err
	case "watch":
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		if ex, more := c.Current(p); more {
			fmt.Fprintf(out, "Watching %s: edit %s and save. Enter re-runs, q then Enter quits.\n", ex.Slug, shortPath(ex.Stub()))
		}
		w := course.Watcher{Course: c, Progress: p, In: in, Out: out}
		return w.Watch(ctx)
	}

	// The rest name an exercise; hint and check default to the current one.
	ex, err := pick(c, p, rest)
	if err != nil {
		return err
	}
	switch name {
	case "hint":
		k := 0
		if len(rest) == 2 {
			if k, err = strconv.Atoi(rest[1]); err != nil || k < 1 {
				return fmt.Errorf("hint %s: K is a hint's number, from 1", rest[1])
			}
		}
		return course.Hints(out, ex, k)
	case "check":
		return check(c, p, ex, out)
	case "solution":
		if !p.Done(ex.Slug) {
			return fmt.Errorf("exercise %02d is not done yet: its solution opens once `rcbook exercises check %d` passes", ex.Number, ex.Number)
		}
		src, err := os.ReadFile(ex.Solution())
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "// %s, the reference solution of %02d. %s\n\n%s", shortPath(ex.Solution()), ex.Number, ex.Title, src)
		return nil
	default: // reset
		return reset(root, c, p, ex, in, out)
	}
}

// pick finds the exercise named by args[0], or the current one if args is
// empty.
func pick(c *course.Course, p *course.Progress, args []string) (course.Exercise, error) {
	if len(args) > 0 {
		return c.Lookup(args[0])
	}
	if ex, more := c.Current(p); more {
		return ex, nil
	}
	return course.Exercise{}, fmt.Errorf("every exercise is done: name one by its number")
}

// showNext tells the learner what to do for the first pending exercise.
func showNext(root string, c *course.Course, p *course.Progress, out io.Writer) error {
	ex, more := c.Current(p)
	if !more {
		fmt.Fprintf(out, "All %d exercises are done. `rcbook exercises solution N` shows any reference solution.\n", len(c.Exercises))
		return nil
	}
	fmt.Fprintf(out, "Next: %02d. %s\n", ex.Number, ex.Title)
	chapter := "Follows chapter " + ex.Chapter
	if path := chapterFile(root, ex.Chapter); path != "" {
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

// chapterFile finds the chapter an exercise follows, docs/chapters/NN-*.md,
// from the number at the start of "03 (Clone and Drop)"; "" if there is
// no such file yet.
func chapterFile(root, chapter string) string {
	number, _, _ := strings.Cut(chapter, " ")
	if _, err := strconv.Atoi(number); err != nil {
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

// reset asks, then puts ex's stub back as shipped.
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
	if err := c.Reset(course.RunGit, root, ex, p); err != nil {
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
