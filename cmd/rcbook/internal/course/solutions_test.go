package course

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadSolutionTakesTheFilesBuiltWithTheTag(t *testing.T) {
	c, _ := loadFake(t)
	files, err := ReadSolution(c.Exercises[0])
	require.NoError(t, err)
	require.Len(t, files, 1, "only solution.go builds with -tags solution alone")
	assert.Equal(t, c.Exercises[0].Solution(), files[0].Path)
	assert.Contains(t, string(files[0].Text), "return Times * n")

	dir := t.TempDir()
	_, err = ReadSolution(Exercise{Slug: "01-x", Dir: dir})
	assert.ErrorContains(t, err, "has no solution file", "a course init wrote has none until it is written")
}

func TestWriteSolutionPutsTheShippedSolutionBesideTheStub(t *testing.T) {
	dir := t.TempDir()
	a := fakeArchive(t)
	require.NoError(t, a.WriteTo(dir, func(name string, data []byte) bool { return !IsSolution(name, data) }))
	c, err := Load(dir)
	require.NoError(t, err)
	ex := c.Exercises[0]
	require.NoFileExists(t, ex.Solution())

	files, err := WriteSolution(ex, a)
	require.NoError(t, err)
	require.Len(t, files, 1)
	assert.Equal(t, ex.Solution(), files[0].Path, "the solution goes where a checkout has it")
	written, err := os.ReadFile(ex.Solution())
	require.NoError(t, err)
	assert.Equal(t, a.Files["01-double/solution.go"], written, "byte for byte as shipped")
	read, err := ReadSolution(ex)
	require.NoError(t, err)
	assert.Equal(t, files, read, "once written, it reads back as in a checkout")

	_, err = WriteSolution(Exercise{Slug: "09-gone", Dir: filepath.Join(dir, "09-gone")}, a)
	assert.ErrorContains(t, err, "ships no solution for 09-gone")
}
