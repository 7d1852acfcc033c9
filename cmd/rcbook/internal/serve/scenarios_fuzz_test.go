package serve

import (
	"path"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/course"
)

// FuzzScenarioIndex feeds readScenarios index files it was never meant to
// read. Whatever the text, it must not panic, and what it accepts must be
// what the playground relies on: every scenario a script of the archive,
// listed once, under a title, with chapters named as the chapters' files
// are; and every script of docs/play among them.
func FuzzScenarioIndex(f *testing.F) {
	shipped, err := shippedBook()
	require.NoError(f, err)
	f.Add(string(shipped.Files[scenarioIndex]))
	f.Add("file\tchapters\ttitle\na.txt\t07\tA: cycle\n")
	f.Add("file\tchapters\ttitle\na.txt\t07,A1, 08\tA\nb.txt\t\tB\n")
	f.Add("file\tchapters\ttitle\n../a.txt\t07\tA\n")
	f.Add("file\tchapters\ttitle\na.txt\t7\tA\nb.txt\t08\tB\n")
	f.Add("")
	f.Add("file\tchapters\ttitle\na.txt\t07\t \nb.txt\t\tB\n")
	f.Add("file\tchapters\ttitle\na.txt\t07\tA\na.txt\t08\tA again\nb.txt\t\tB\n")
	f.Fuzz(func(t *testing.T, index string) {
		a := &course.Archive{Files: map[string][]byte{
			scenarioIndex:     []byte(index),
			"docs/play/a.txt": []byte("new a 1\n"),
			"docs/play/b.txt": []byte("# b\nnew b 2\n"),
		}}
		list, err := readScenarios(a)
		if err != nil {
			require.NotEmpty(t, err.Error(), "a refusal says why")
			return
		}
		seen := map[string]bool{}
		for _, s := range list {
			file := "docs/play/" + s.Name + ".txt"
			require.Contains(t, a.Files, file, "scenario %q is a script of the archive", s.Name)
			require.Equal(t, "docs/play", path.Dir(file), "scenario %q stays in docs/play", s.Name)
			require.Equal(t, string(a.Files[file]), s.Script, "scenario %q carries its script", s.Name)
			require.NotEmpty(t, strings.TrimSpace(s.Title), "scenario %q has a title", s.Name)
			require.NotContains(t, s.Title, "\t", "a title is one column")
			for _, ch := range s.Chapters {
				require.Regexp(t, chapterNumber, ch, "scenario %q names chapters by number", s.Name)
			}
			require.False(t, seen[file], "scenario %q is listed once", s.Name)
			seen[file] = true
		}
		for _, file := range matching(a, "docs/play/*.txt") {
			require.True(t, seen[file], "accepted index lists %s", file)
		}
	})
}
