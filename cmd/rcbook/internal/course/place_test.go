package course

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tree writes files (path to content) under a new temporary folder.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	}
	return dir
}

func TestFindTheCourseOfACheckoutFromAnywhereInIt(t *testing.T) {
	root := tree(t, map[string]string{
		"go.mod":                           "module github.com/rcbook/rcbook\n\ngo 1.25\n",
		"exercises/go.mod":                 "module github.com/rcbook/rcbook/exercises // the course\n",
		"exercises/01-a/README.md":         "# 01. A\n",
		"docs/chapters/01.md":              "",
		"cmd/x/testdata/fake/go.mod":       "module example.com/exercises\n",
		"cmd/x/testdata/fake/01-b/b.go":    "",
		"exercises/01-a/testdata/data.txt": "",
	})
	want := Place{Dir: filepath.Join(root, "exercises"), Checkout: root}
	for _, where := range []string{"", "docs/chapters", "exercises", "exercises/01-a/testdata", "cmd/x/testdata/fake/01-b"} {
		got, err := Find(filepath.Join(root, where))
		require.NoError(t, err, where)
		assert.Equal(t, want, got, "from %q: a checkout's course is its exercises/, and another module on the way up is passed over", where)
	}
}

func TestFindACourseThatInitWrote(t *testing.T) {
	dir := tree(t, map[string]string{
		"go.mod":         "module \"github.com/rcbook/rcbook/exercises\"\n",
		"01-a/README.md": "# 01. A\n",
	})
	got, err := Find(filepath.Join(dir, "01-a"))
	require.NoError(t, err)
	assert.Equal(t, Place{Dir: dir}, got, "a course outside a checkout has no checkout")

	_, err = Find(tree(t, map[string]string{"go.mod": "module example.com/other\n"}))
	assert.ErrorIs(t, err, ErrNoCourse, "a folder of another module is no course")
}

func TestModulePathReadsTheModuleLine(t *testing.T) {
	for text, want := range map[string]string{
		"// a comment\nmodule a.b/c\n":        "a.b/c",
		"module\ta.b/c // trailing comment\n": "a.b/c",
		"module \"a.b/c\"\n":                  "a.b/c",
		"modules a.b/c\n":                     "",
		"go 1.25\n":                           "",
	} {
		dir := tree(t, map[string]string{"go.mod": text})
		assert.Equal(t, want, ModulePath(dir), "go.mod %q", text)
	}
	assert.Equal(t, "", ModulePath(t.TempDir()), "no go.mod, no module")
}

func TestAtIsTheExerciseWhoseFolderYouAreIn(t *testing.T) {
	c, _ := loadFake(t)
	ex, ok := c.At(filepath.Join(fakeModule, "02-broken"))
	require.True(t, ok)
	assert.Equal(t, "02-broken", ex.Slug)
	ex, ok = c.At(filepath.Join(fakeModule, "01-double", "testdata", "deep"))
	require.True(t, ok, "a subfolder of an exercise is still that exercise")
	assert.Equal(t, "01-double", ex.Slug)
	_, ok = c.At(fakeModule)
	assert.False(t, ok, "the course's own folder is no exercise")
	_, ok = c.At(filepath.Dir(fakeModule))
	assert.False(t, ok, "outside the course is no exercise")
}
