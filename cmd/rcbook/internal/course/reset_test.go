package course

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeGit records git's invocations; fail decides which of them fail.
type fakeGit struct {
	calls []string
	fail  func(args string) ([]byte, error)
}

func (g *fakeGit) run(dir string, args ...string) ([]byte, error) {
	joined := strings.Join(args, " ")
	g.calls = append(g.calls, dir+": git "+joined)
	if g.fail != nil {
		return g.fail(joined)
	}
	return nil, nil
}

// fakeRepo loads the fake module as if it were exercises/ in a checkout
// at root.
func fakeRepo(t *testing.T) (root string, c *Course, p *Progress) {
	t.Helper()
	root = t.TempDir()
	c, p = loadFake(t)
	c.Dir = filepath.Join(root, "exercises")
	for i := range c.Exercises {
		c.Exercises[i].Dir = filepath.Join(c.Dir, c.Exercises[i].Slug)
	}
	return root, c, p
}

func TestResetRestoresTheStubFromGitAndUnmarksIt(t *testing.T) {
	root, c, p := fakeRepo(t)
	p.Mark("01-double", true)
	git := &fakeGit{}
	require.NoError(t, c.Reset(git.run, root, c.Exercises[0], p))
	assert.Equal(t, []string{
		root + ": git rev-parse --is-inside-work-tree",
		root + ": git checkout HEAD -- exercises/01-double/exercise.go",
	}, git.calls)
	assert.False(t, p.Done("01-double"))
	saved, err := LoadProgress(p.path)
	require.NoError(t, err)
	assert.False(t, saved.Done("01-double"), "the unmarking is saved")
}

func TestResetOutsideAGitCheckout(t *testing.T) {
	root, c, p := fakeRepo(t)
	p.Mark("01-double", true)
	git := &fakeGit{fail: func(string) ([]byte, error) {
		return []byte("fatal: not a git repository"), errors.New("exit status 128")
	}}
	err := c.Reset(git.run, root, c.Exercises[0], p)
	assert.ErrorIs(t, err, ErrNotGitCheckout)
	assert.Len(t, git.calls, 1, "nothing is checked out")
	assert.True(t, p.Done("01-double"), "a failed reset changes nothing")

	git.fail = func(string) ([]byte, error) { return nil, &exec.Error{Name: "git", Err: exec.ErrNotFound} }
	err = c.Reset(git.run, root, c.Exercises[0], p)
	assert.ErrorContains(t, err, "cannot run git")
	assert.NotErrorIs(t, err, ErrNotGitCheckout, "no git is not the same as no checkout")
}

func TestResetSaysWhyGitCheckoutFailed(t *testing.T) {
	root, c, p := fakeRepo(t)
	p.Mark("01-double", true)
	git := &fakeGit{fail: func(args string) ([]byte, error) {
		if strings.HasPrefix(args, "checkout") {
			return []byte("error: pathspec 'exercises/01-double/exercise.go' did not match any file(s) known to git\n"), errors.New("exit status 1")
		}
		return nil, nil
	}}
	err := c.Reset(git.run, root, c.Exercises[0], p)
	assert.EqualError(t, err, "git checkout HEAD -- exercises/01-double/exercise.go: exit status 1: "+
		"error: pathspec 'exercises/01-double/exercise.go' did not match any file(s) known to git")
	assert.True(t, p.Done("01-double"))
}

func TestRestorePutsTheShippedStubBackAndUnmarksIt(t *testing.T) {
	dir := t.TempDir()
	a := fakeArchive(t)
	require.NoError(t, a.WriteTo(dir, nil))
	c, err := Load(dir)
	require.NoError(t, err)
	p, err := LoadProgress(filepath.Join(dir, ProgressFile))
	require.NoError(t, err)
	ex := c.Exercises[0]
	p.Mark(ex.Slug, true)
	require.NoError(t, os.WriteFile(ex.Stub(), []byte("package double\n// mine\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(ex.Dir, "notes.go"), []byte("package double\n"), 0o644))

	require.NoError(t, c.Restore(ex, a, p))
	stub, err := os.ReadFile(ex.Stub())
	require.NoError(t, err)
	assert.Equal(t, a.Files["01-double/exercise.go"], stub, "the stub is as shipped again")
	assert.FileExists(t, filepath.Join(ex.Dir, "notes.go"), "the learner's other files stay")
	saved, err := LoadProgress(filepath.Join(dir, ProgressFile))
	require.NoError(t, err)
	assert.False(t, saved.Done(ex.Slug), "the exercise is pending again, and saved so")

	err = c.Restore(Exercise{Slug: "09-gone", Dir: dir}, a, p)
	assert.ErrorContains(t, err, "ships no stub for 09-gone")
}
