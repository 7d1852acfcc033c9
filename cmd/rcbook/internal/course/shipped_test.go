package course

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// exercisesDir is the repository's exercises module, seen from this package.
const exercisesDir = "../../../../exercises"

func TestShippedArchiveMatchesExercises(t *testing.T) {
	if _, err := os.Stat(filepath.Join(exercisesDir, "go.mod")); err != nil {
		t.Skip("no exercises module beside this package (a module download leaves it out)")
	}
	if err := exec.Command("git", "-C", exercisesDir, "rev-parse", "--is-inside-work-tree").Run(); err != nil {
		t.Skip("exercises/ is not in a git work tree (an exported copy), and Pack takes its files from git")
	}
	packed, err := Pack(exercisesDir, ShippedComment)
	require.NoError(t, err)
	if !bytes.Equal(packed.Format(), shippedText) {
		shipped, err := ParseArchive(shippedText)
		require.NoError(t, err)
		assert.Equal(t, packed.Names(), shipped.Names(), "the files shipped are the files of exercises/")
		for _, name := range packed.Names() {
			assert.Equal(t, string(packed.Files[name]), string(shipped.Files[name]), "%s as shipped", name)
		}
		t.Fatal("the course embedded in rcbook is out of date with exercises/: run go generate ./cmd/rcbook/internal/course")
	}
}

func TestShippedArchiveIsACourse(t *testing.T) {
	a, err := Shipped()
	require.NoError(t, err, "the embedded archive must parse")
	assert.Contains(t, a.Names(), "go.mod", "the course's go.mod ships, for init to rewrite")
	dir := t.TempDir()
	require.NoError(t, a.WriteTo(dir, nil))
	c, err := Load(dir)
	require.NoError(t, err)
	assert.Empty(t, c.Problems, "every folder shipped is a usable exercise")
	assert.NotEmpty(t, c.Exercises)
	for _, ex := range c.Exercises {
		assert.FileExists(t, ex.Stub(), "%s ships its stub", ex.Slug)
		assert.FileExists(t, ex.Solution(), "%s ships its solution", ex.Slug)
	}
}
