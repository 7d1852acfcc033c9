package course

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStubsAndSolutionsAreKnownByTheirBuildLine(t *testing.T) {
	for _, c := range []struct {
		name, text     string
		stub, solution bool
	}{
		{"exercise.go", "//go:build !solution\n\npackage a\n", true, false},
		{"solution.go", "//go:build solution\n\npackage a\n", false, true},
		{"solution_impl.go", "// Copyright\n\n//go:build solution && !windows\n\npackage a\n", false, true},
		{"shared.go", "package a\n", false, false},
		{"either.go", "//go:build solution || !solution\n\npackage a\n", false, false},
		{"late.go", "package a\n\n//go:build solution\n", false, false},
		{"README.md", "//go:build solution\n", false, false},
	} {
		assert.Equal(t, c.stub, IsStub(c.name, []byte(c.text)), "%s: a stub builds without the tag solution, not with it", c.name)
		assert.Equal(t, c.solution, IsSolution(c.name, []byte(c.text)), "%s: a solution builds with the tag solution, not without it", c.name)
	}
}

func TestWriteToWritesTheFilesKept(t *testing.T) {
	a := &Archive{Files: map[string][]byte{
		"go.mod":               []byte("module m\n"),
		"01-a/exercise.go":     []byte("//go:build !solution\n\npackage a\n"),
		"01-a/solution.go":     []byte("//go:build solution\n\npackage a\n"),
		"01-a/testdata/in.txt": []byte("x\n"),
	}}
	dir := t.TempDir()
	require.NoError(t, a.WriteTo(dir, func(name string, data []byte) bool { return !IsSolution(name, data) }))
	assert.FileExists(t, filepath.Join(dir, "01-a", "testdata", "in.txt"), "folders are made as needed")
	assert.FileExists(t, filepath.Join(dir, "01-a", "exercise.go"))
	assert.NoFileExists(t, filepath.Join(dir, "01-a", "solution.go"), "keep leaves files out")
	got, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	require.NoError(t, err)
	assert.Equal(t, "module m\n", string(got), "files are written byte for byte")

	assert.Equal(t, []string{"01-a/exercise.go", "01-a/solution.go"}, a.In("01-a"), "In lists a folder's own files, not its subfolders'")
}
