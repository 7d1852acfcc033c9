package course

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
)

// Git runs git with args in dir and returns what it printed.
type Git func(dir string, args ...string) ([]byte, error)

// RunGit is the Git that runs the git command found on PATH.
func RunGit(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	return cmd.CombinedOutput()
}

// ErrNotGitCheckout is Reset's error when the repository is not a git
// checkout (a downloaded archive, say), so there is no shipped stub to go
// back to.
var ErrNotGitCheckout = errors.New("not a git checkout")

// Reset puts ex's stub back as shipped in a checkout, with `git checkout
// HEAD -- FILE` run in root, the repository's root, and marks ex pending
// again. The learner's changes to exercise.go are lost; other files in the
// folder are left alone. A course rcbook init wrote uses Restore instead.
func (c *Course) Reset(git Git, root string, ex Exercise, p *Progress) error {
	if _, err := git(root, "rev-parse", "--is-inside-work-tree"); err != nil {
		var notFound *exec.Error
		if errors.As(err, &notFound) {
			return fmt.Errorf("cannot run git to restore %s: %w", ex.Stub(), err)
		}
		return fmt.Errorf("%s is %w: restore %s from a fresh copy of rcbook instead", root, ErrNotGitCheckout, ex.Stub())
	}
	rel, err := filepath.Rel(root, ex.Stub())
	if err != nil {
		return err
	}
	if out, err := git(root, "checkout", "HEAD", "--", filepath.ToSlash(rel)); err != nil {
		return fmt.Errorf("git checkout HEAD -- %s: %w: %s", filepath.ToSlash(rel), err, strings.TrimSpace(string(out)))
	}
	p.Mark(ex.Slug, false)
	return p.Save()
}

// Restore puts ex's stub back as a, the course as shipped, has it: for a
// course rcbook init wrote, which no git knows. It rewrites the files of
// the stub (IsStub: exercise.go) and marks ex pending again; the
// learner's other files, and a solution written after a pass, stay.
func (c *Course) Restore(ex Exercise, a *Archive, p *Progress) error {
	restored := 0
	for _, name := range a.In(ex.Slug) {
		text := a.Files[name]
		if !IsStub(name, text) {
			continue
		}
		if err := os.WriteFile(filepath.Join(ex.Dir, path.Base(name)), text, 0o644); err != nil {
			return err
		}
		restored++
	}
	if restored == 0 {
		return fmt.Errorf("this rcbook ships no stub for %s: was the course made by another version of rcbook?", ex.Slug)
	}
	p.Mark(ex.Slug, false)
	return p.Save()
}
