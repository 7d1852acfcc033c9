package docscheck

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const repo = "testdata/repo"

func TestDeclarationKeepsTheDocComment(t *testing.T) {
	got, err := Declaration(filepath.Join(repo, "pkg/pkg.go"), "Box.Inc")
	require.NoError(t, err)
	assert.Equal(t, "// Inc adds one.\nfunc (b *Box[T]) Inc() { b.n++ }", got,
		"a method is found by Type.Method, generic receiver included, with its doc comment")
	_, err = Declaration(filepath.Join(repo, "pkg/pkg.go"), "Box.Dec")
	assert.Error(t, err, "a missing declaration is a broken reference")
}

func TestExampleOutputKeepsIndentation(t *testing.T) {
	got, err := ExampleOutput(filepath.Join(repo, "pkg"), "ExampleBox")
	require.NoError(t, err)
	assert.Equal(t, "one\n  two", got)
}

// chapter writes a one-chapter book and returns its directory.
func chapter(t *testing.T, text string) string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "01.md"), []byte(text), 0o644))
	return dir
}

func TestCheckCountsMatchingBlocks(t *testing.T) {
	dir := chapter(t, "# One\n<!-- code: pkg/pkg.go#Answer -->\n```go\n// Answer is what it is.\nconst Answer = 42\n```\n\n"+
		"<!-- output: pkg#ExampleBox -->\n```output\none\n  two\n```\n\n```sh\ngo test ./...\n```\n")
	r, err := Check(repo, dir, false)
	require.NoError(t, err)
	assert.Empty(t, r.Problems)
	assert.Equal(t, 2, r.Snippets, "the code and the output block are verified; the sh block is free")
	assert.Equal(t, 1, r.Chapters)
}

func TestCheckReportsDriftAndUpdateFixesIt(t *testing.T) {
	dir := chapter(t, "<!-- code: pkg/pkg.go#Answer -->\n```go\nconst Answer = 41\n```\n")
	r, err := Check(repo, dir, false)
	require.NoError(t, err)
	require.Len(t, r.Problems, 1, "an edited excerpt no longer matches the code")
	assert.Contains(t, r.Problems[0], "drifted")

	_, err = Check(repo, dir, true)
	require.NoError(t, err)
	r, err = Check(repo, dir, false)
	require.NoError(t, err)
	assert.Empty(t, r.Problems, "-update rewrites the block from the source")
}

func TestCheckRefusesUnmarkedGoBlocks(t *testing.T) {
	dir := chapter(t, "```go\nfunc main() {}\n```\n")
	r, err := Check(repo, dir, false)
	require.NoError(t, err)
	require.Len(t, r.Problems, 1, "every Go excerpt must come from a real file")
	assert.Contains(t, r.Problems[0], "needs a <!-- code:")
}

func TestCheckLeavesLabRegionsToTheLab(t *testing.T) {
	dir := chapter(t, "<!-- lab mutants: begin -->\n```go\ns1 := rc.New(v1)\n```\n<!-- lab mutants: end -->\n")
	r, err := Check(repo, dir, false)
	require.NoError(t, err)
	assert.Empty(t, r.Problems)
	assert.Zero(t, r.Snippets)
}
