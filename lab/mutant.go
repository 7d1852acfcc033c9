package lab

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Mutant is one deliberate bug: an edit to one file of the library. It is
// applied to a temporary copy of that file and handed to the go command
// with -overlay, so the tree itself is never changed.
type Mutant struct {
	Name    string // short and stable, e.g. "leak-implicit-weak"
	File    string // the file the bug is in, relative to the module root, e.g. "rc/drop.go"
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
	// It is printed when the mutant survives, as its reason.
	Hard string
}

// Package returns the package the mutant breaks, as go test names it:
// "./rc".
func (m Mutant) Package() string { return "./" + filepath.Dir(m.File) }

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
// then the lines it adds, with no context. It is what chapter 9 shows.
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
