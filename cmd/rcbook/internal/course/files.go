package course

import (
	"go/build/constraint"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// WriteTo writes the archive's files under dir, making folders as needed
// and replacing files already there. With keep non-nil it writes only the
// files keep accepts.
func (a *Archive) WriteTo(dir string, keep func(name string, data []byte) bool) error {
	for _, name := range a.Names() {
		data := a.Files[name]
		if keep != nil && !keep(name, data) {
			continue
		}
		target := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// In returns the paths of the archive's files in the exercise folder slug,
// sorted.
func (a *Archive) In(slug string) []string {
	var names []string
	for _, name := range a.Names() {
		if path.Dir(name) == slug {
			names = append(names, name)
		}
	}
	return names
}

// IsSolution reports whether the file is part of a reference solution: a
// Go file whose //go:build line holds with the tag "solution" and not
// without it, as solution.go's "//go:build solution" does. rcbook init
// leaves such files out, and writes them only once the exercise passes.
func IsSolution(name string, data []byte) bool {
	with, without, ok := buildsWithSolution(name, data)
	return ok && with && !without
}

// IsStub reports whether the file is part of the stub the learner fills in:
// a Go file whose //go:build line holds without the tag "solution" and not
// with it, as exercise.go's "//go:build !solution" does. reset puts such
// files back as shipped.
func IsStub(name string, data []byte) bool {
	with, without, ok := buildsWithSolution(name, data)
	return ok && without && !with
}

// buildsWithSolution evaluates a Go file's //go:build line with and without
// the tag "solution" (every other tag false). ok is false for a file that
// is not Go or has no such line.
func buildsWithSolution(name string, data []byte) (with, without, ok bool) {
	if !strings.HasSuffix(name, ".go") {
		return false, false, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "//") {
			break // build lines come before the package clause
		}
		if !constraint.IsGoBuild(line) {
			continue
		}
		expr, err := constraint.Parse(line)
		if err != nil {
			return false, false, false
		}
		with = expr.Eval(func(tag string) bool { return tag == "solution" })
		without = expr.Eval(func(string) bool { return false })
		return with, without, true
	}
	return false, false, false
}
