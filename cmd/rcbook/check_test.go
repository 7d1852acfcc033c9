package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/course"
)

// checks loads the course package's fixture exercises, each a way for a
// check to go wrong, with a fresh progress file.
func checks(t *testing.T) (*course.Course, *course.Progress) {
	t.Helper()
	c, err := course.Load(filepath.Join("internal", "course", "testdata", "checks"))
	require.NoError(t, err)
	p, err := course.LoadProgress(filepath.Join(t.TempDir(), course.ProgressFile))
	require.NoError(t, err)
	return c, p
}

func TestCheckEndsWithTheVerdictAndWhy(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet and go test on fixture exercises")
	}
	c, p := checks(t)
	ex, err := c.Lookup("1")
	require.NoError(t, err)
	p.Mark(ex.Slug, true) // done once, then broken again
	var out bytes.Buffer
	err = check(c, p, ex, &out)
	assert.EqualError(t, err, "01-copy does not pass yet: go vet found 2 problems, though the tests pass; "+
		"it is no longer marked done\nStuck? rcbook exercises hint 1",
		"the verdict says why in a few words, and that a done exercise is done no more")
	assert.False(t, p.Done(ex.Slug), "the status is recomputed on every check")
	assert.True(t, strings.HasPrefix(out.String(), "$ go vet ./01-copy && go test ./01-copy   (in "), out.String())
	assert.Contains(t, out.String(), "\n\ngo vet found 2 problems:\nexercise.go:8: h := *r copies a handle without Clone:\n")
	assert.True(t, strings.HasSuffix(out.String(), "go test: 1 of 1 tests pass\n\n"),
		"a blank line before the verdict, which the error carries: %q", out.String())

	ex, err = c.Lookup("6")
	require.NoError(t, err)
	out.Reset()
	require.NoError(t, check(c, p, ex, &out))
	assert.True(t, p.Done(ex.Slug))
	assert.Contains(t, out.String(), "\ngo test: 1 of 1 tests pass\n\n06-done passes: marked done [#-----] 1/6\n"+
		"Compare with the reference solution: rcbook exercises solution 6\n", "the verdict comes last")
}
