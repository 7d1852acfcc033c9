package course

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
)

// SolutionFile is one file of an exercise's reference solution.
type SolutionFile struct {
	Path string // where it is in the exercise's folder
	Text []byte
}

// ReadSolution returns ex's reference solution as it is in its folder: the
// files whose build line makes them a solution (IsSolution), in name
// order. In a checkout they are always there; in a course rcbook init wrote,
// only once WriteSolution has put them there.
func ReadSolution(ex Exercise) ([]SolutionFile, error) {
	entries, err := os.ReadDir(ex.Dir)
	if err != nil {
		return nil, err
	}
	var files []SolutionFile
	for _, entry := range entries {
		p := filepath.Join(ex.Dir, entry.Name())
		if !entry.Type().IsRegular() {
			continue
		}
		text, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		if IsSolution(entry.Name(), text) {
			files = append(files, SolutionFile{Path: p, Text: text})
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s has no solution file (one whose build line is //go:build solution)", ex.Dir)
	}
	return files, nil
}

// WriteSolution writes ex's reference solution from a, the course as
// shipped, into ex's folder, replacing any file of the same name, and
// returns it. Its build line (//go:build solution) keeps it out of the
// learner's go test, so it sits beside exercise.go to be compared, as in a
// checkout. The caller decides when: after the exercise has passed.
func WriteSolution(ex Exercise, a *Archive) ([]SolutionFile, error) {
	var files []SolutionFile
	for _, name := range a.In(ex.Slug) {
		if text := a.Files[name]; IsSolution(name, text) {
			files = append(files, SolutionFile{Path: filepath.Join(ex.Dir, path.Base(name)), Text: text})
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("this rcbook ships no solution for %s: was the course made by another version of rcbook?", ex.Slug)
	}
	for _, f := range files {
		if err := os.WriteFile(f.Path, f.Text, 0o644); err != nil {
			return nil, err
		}
	}
	return files, nil
}
