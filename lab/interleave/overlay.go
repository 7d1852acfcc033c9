package interleave

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/rcbook/rcbook/lab"
)

// Target is a package whose scenarios the lab explores, and the packages
// rewritten for it: itself and the concurrent packages it builds on.
type Target struct {
	Package   string   // "arc": the directory, and go test's ./arc
	Rewritten []string // directories rewritten, e.g. refcount and rwlock for rwlock
}

// Targets are the concurrent packages, in the order the lab explores them.
var Targets = []Target{
	{Package: "arc", Rewritten: []string{"arc"}},
	{Package: "refcount", Rewritten: []string{"refcount"}},
	{Package: "rwlock", Rewritten: []string{"refcount", "rwlock"}},
	{Package: "rcmap", Rewritten: []string{"rcmap"}},
}

// TargetOf returns the target that hunts mutant m: the one for the package
// its file is in.
func TargetOf(m lab.Mutant) (Target, bool) {
	for _, t := range Targets {
		if filepath.ToSlash(filepath.Dir(m.File)) == t.Package {
			return t, true
		}
	}
	return Target{}, false
}

// guarded names, per package, the fields its mutex guards: every access to
// them must hold the lock, and the rewrite checks that it does.
var guarded = map[string][]string{
	"refcount": {"head", "tail", "prev", "next", "granted"},
	"rcmap":    {"entries", "count"},
}

// Overlay writes into dir the rewritten files of t's packages under root,
// with m's edit applied first if m is not nil, and returns the overlay file
// go takes with -overlay. The tree is never touched.
func Overlay(root, dir string, t Target, m *lab.Mutant) (string, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	replace := map[string]string{}
	// Only the scenarios' file among the target's tests: the others are
	// not needed, and leaving them out saves most of the build.
	tests, err := filepath.Glob(filepath.Join(root, t.Package, "*_test.go"))
	if err != nil {
		return "", err
	}
	for _, path := range tests {
		if filepath.Base(path) != "interleave_test.go" {
			replace[path] = ""
		}
	}
	applied := m == nil
	for _, pkg := range t.Rewritten {
		files, err := filepath.Glob(filepath.Join(root, pkg, "*.go"))
		if err != nil {
			return "", err
		}
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return "", err
			}
			rel := filepath.ToSlash(filepath.Join(pkg, filepath.Base(path)))
			if m != nil && m.File == rel {
				if err := m.Occurs(string(src)); err != nil {
					return "", err
				}
				src = []byte(strings.Replace(string(src), m.Old, m.New, 1))
				applied = true
			}
			out, err := Rewrite(rel, src, guarded[pkg])
			if err != nil {
				return "", err
			}
			tmp := filepath.Join(dir, strings.ReplaceAll(rel, "/", "_"))
			if err := os.WriteFile(tmp, out, 0o644); err != nil {
				return "", err
			}
			replace[path] = tmp
		}
	}
	if !applied {
		return "", fmt.Errorf("interleave: mutant %s edits %s, which is not rewritten for %s", m.Name, m.File, t.Package)
	}
	data, err := json.Marshal(struct{ Replace map[string]string }{replace})
	if err != nil {
		return "", err
	}
	overlay := filepath.Join(dir, "overlay.json")
	return overlay, os.WriteFile(overlay, data, 0o644)
}
