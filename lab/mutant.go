package lab

import (
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Mutant is one deliberate bug: an edit to one file of the library, or of
// the capstone exercise's reference solution. It is applied to a temporary
// copy of that file and handed to the go command with -overlay, so the
// tree itself is never changed.
type Mutant struct {
	Name    string // short and stable, e.g. "leak-implicit-weak"
	File    string // the file the bug is in, relative to the repository root, e.g. "rc/drop.go"
	Old     string // text that occurs exactly once in File
	New     string // what the bug puts in its place
	Bug     string // what the broken code does
	Symptom string // what a user of the broken code would see

	// How it is hunted: Model mutants (package rc) face the model-based
	// tests, rapid and the explorer, which say which rule they break and by
	// which steps; the others face their package's whole test suite, as CI
	// runs it, with the race detector if Race.
	Model bool
	Race  bool
	// Hard, when not empty, says why the tests may miss this bug: the
	// window it opens is narrow, or only a rule no test checks guards it.
	// It is printed when the mutant survives, as its reason. A mutant
	// without one must be killed (Required).
	Hard string

	// Module, when not empty, is the directory of the module whose tests
	// hunt the mutant, relative to the repository root: "exercises" for
	// the capstone's. go test runs there. Empty is the library's module.
	Module string
	// Tags are the build tags go test needs to build File at all:
	// "solution" for the capstone's reference solution, which the
	// learner's stub replaces in a plain build.
	Tags string
}

// Package returns the package the mutant breaks, as go test names it from
// its module's directory: "./rc", "./12-capstone".
func (m Mutant) Package() string {
	rel, err := filepath.Rel(cmp.Or(m.Module, "."), filepath.Dir(m.File))
	if err != nil {
		rel = filepath.Dir(m.File)
	}
	return "./" + filepath.ToSlash(rel)
}

// Command is the go test command that hunts m, as a person would type it
// from the repository root: "go test -race ./arc",
// "cd exercises && go test -tags solution ./12-capstone".
func (m Mutant) Command() string {
	cmd := "go test"
	if m.Race {
		cmd += " -race"
	}
	if m.Tags != "" {
		cmd += " -tags " + m.Tags
	}
	cmd += " " + m.Package()
	if m.Module != "" {
		cmd = "cd " + m.Module + " && " + cmd
	}
	return cmd
}

// Required reports whether a surviving m fails the lab: every mutant but
// those with a Hard reason to survive. The mutants of package rc face the
// model-based tests, package cell's a model-based test too, and the
// capstone's the tests a learner's Rc must pass: each exists to catch
// exactly these bugs, on every run. A concurrent mutant may survive, and
// Hard says why.
func (m Mutant) Required() bool { return m.Hard == "" }

// Apply checks that m's old text occurs exactly once in its file under
// root, writes the mutated copy into dir, and returns the overlay file the
// go command takes with -overlay.
func (m Mutant) Apply(root, dir string) (overlay string, err error) {
	path := filepath.Join(root, m.File)
	src, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	if err := m.Occurs(string(src)); err != nil {
		return "", err
	}
	mutated := filepath.Join(dir, m.Name+".go")
	if err := os.WriteFile(mutated, []byte(strings.Replace(string(src), m.Old, m.New, 1)), 0o644); err != nil {
		return "", err
	}
	data, err := json.Marshal(map[string]map[string]string{"Replace": {path: mutated}})
	if err != nil {
		return "", err
	}
	overlay = filepath.Join(dir, m.Name+".overlay.json")
	return overlay, os.WriteFile(overlay, data, 0o644)
}

// Occurs reports an error unless m's old text occurs exactly once in src,
// the text of its file: a mutant whose code has moved must be rewritten,
// never skipped.
func (m Mutant) Occurs(src string) error {
	switch n := strings.Count(src, m.Old); {
	case m.Old == "" || m.Old == m.New:
		return fmt.Errorf("lab: mutant %s: its edit changes nothing", m.Name)
	case n != 1:
		return fmt.Errorf("lab: mutant %s: its old text occurs %d times in %s, not once: the code moved, so rewrite the mutant", m.Name, n, m.File)
	}
	return nil
}

// Diff is the mutant as a unified diff of its file: the lines it removes,
// then the lines it adds, with no context. It is what the book's mutant
// catalogue (appendix A1) shows.
func (m Mutant) Diff() string {
	var b strings.Builder
	fmt.Fprintf(&b, "--- %s\n+++ %s (%s)\n", m.File, m.File, m.Name)
	for _, line := range strings.Split(strings.TrimSuffix(m.Old, "\n"), "\n") {
		b.WriteString("-" + line + "\n")
	}
	if m.New != "" {
		for _, line := range strings.Split(strings.TrimSuffix(m.New, "\n"), "\n") {
			b.WriteString("+" + line + "\n")
		}
	}
	return b.String()
}
