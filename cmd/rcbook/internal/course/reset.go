package course

import (
	"errors"
	"fmt"
	"os/exec"
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

// Reset puts ex's stub back as shipped, with `git checkout HEAD -- FILE` run in
// root, the repository's root, and marks ex pending again. The learner's
// changes to exercise.go are lost; other files in the folder are left
// alone.
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
