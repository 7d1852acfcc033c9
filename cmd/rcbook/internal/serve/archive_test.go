package serve

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/course"
)

// root is the repository's root, four folders up from this package.
var root = filepath.Join("..", "..", "..", "..")

func TestEmbeddedBookMatchesDocs(t *testing.T) {
	if _, err := os.Stat(filepath.Join(root, "docs", "chapters")); err != nil {
		t.Skip("no docs/ around this package (a module download leaves it out)")
	}
	packed, err := PackBook(root)
	require.NoError(t, err, "the book's files must pack")
	shipped, err := course.ParseArchive(bookText)
	require.NoError(t, err, "the embedded book must parse")
	assert.Equal(t, packed.Names(), shipped.Names(), "the embedded book holds exactly the files of docs/ and exercises/ it serves")
	for _, name := range packed.Names() {
		assert.Equal(t, string(packed.Files[name]), string(shipped.Files[name]), "%s as embedded", name)
	}
	if t.Failed() {
		t.Log("the book embedded in rcbook is out of date: run go generate ./cmd/rcbook/internal/serve")
	}
}

func TestPackBookRefusesAFileTheArchiveWouldChange(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"docs/chapters/00-a.md", "docs/benchmarks.md", "docs/workshop.md",
		"exercises/01-x/README.md", "docs/play/01-s.txt", "docs/play/scenarios.tsv"} {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), []byte("# x\n"), 0o644))
	}
	_, err := PackBook(dir)
	require.NoError(t, err, "files that end with a newline pack")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "docs/benchmarks.md"), []byte("# no newline"), 0o644))
	_, err = PackBook(dir)
	require.ErrorContains(t, err, "docs/benchmarks.md", "a file the archive would change is refused by name")
}
