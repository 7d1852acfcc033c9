package serve

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/course"
)

func TestBookHasEveryChapterExerciseAndScenario(t *testing.T) {
	b, err := loadBook()
	require.NoError(t, err, "the embedded book must render")
	a, err := shippedBook()
	require.NoError(t, err)
	assert.Len(t, b.Chapters, len(matching(a, "docs/chapters/*.md"))+2, "every chapter, then benchmarks and the workshop kit")
	assert.Equal(t, "/book/workshop", b.Chapters[len(b.Chapters)-1].URL, "the workshop kit ends the book")
	assert.Len(t, b.Exercises, len(matching(a, "exercises/*/README.md")), "every exercise's README")
	assert.Len(t, b.Scenarios, len(matching(a, "docs/play/*.txt")), "every play script is a scenario")
	for _, p := range b.Chapters {
		assert.NotEqual(t, p.Source, p.Title, "%s has a heading for its title", p.Source)
	}
	for _, s := range b.Scenarios {
		assert.NotEmpty(t, s.Chapters, "scenario %s names the chapters it illustrates", s.Name)
		for _, ch := range s.Chapters {
			found := false
			for _, p := range b.Chapters {
				if p.Number == ch {
					found = true
					assert.Contains(t, p.Scenarios, s, "chapter %s links scenario %s", ch, s.Name)
				}
			}
			assert.True(t, found, "scenario %s names chapter %s, which must exist", s.Name, ch)
		}
	}
	for _, p := range b.Exercises {
		assert.NotEmpty(t, p.Time, "%s gives a time estimate", p.Source)
	}
}

func TestScenarioIndexMustListEveryScriptAndOnlyScripts(t *testing.T) {
	const header = "file\tchapters\ttitle\n"
	archive := func(index string, scripts ...string) *course.Archive {
		a := &course.Archive{Files: map[string][]byte{scenarioIndex: []byte(index)}}
		for _, s := range scripts {
			a.Files["docs/play/"+s] = []byte("new a 5\n")
		}
		return a
	}
	list, err := readScenarios(archive(header+"01-a.txt\t03,04\tA: first\n", "01-a.txt"))
	require.NoError(t, err, "a well-formed index reads")
	require.Len(t, list, 1)
	assert.Equal(t, Scenario{Name: "01-a", Chapters: []string{"03", "04"}, Title: "A: first", Script: "new a 5\n"}, list[0])
	assert.Equal(t, "A", list[0].Short(), "the short title ends at the colon")

	_, err = readScenarios(archive(header, "01-a.txt"))
	assert.ErrorContains(t, err, "01-a.txt is not listed", "a script left out of the index is an error")
	_, err = readScenarios(archive(header + "02-b.txt\t03\tB\n"))
	assert.ErrorContains(t, err, "no script docs/play/02-b.txt", "an index line without its script is an error")
	_, err = readScenarios(archive("01-a.txt\t03\tA\n", "01-a.txt"))
	assert.ErrorContains(t, err, "header", "the index starts with its header")
	_, err = readScenarios(archive(header+"01-a.txt 03 A\n", "01-a.txt"))
	assert.ErrorContains(t, err, "want file<TAB>chapters<TAB>title", "columns are separated by tabs")
}

func TestLinksPointAtTheServedPages(t *testing.T) {
	cases := []struct{ from, dest, want string }{
		{"docs/chapters/03-clone-and-drop.md", "04-weak.md", "/book/04-weak"},
		{"docs/chapters/03-clone-and-drop.md", "04-weak.md#the-implicit-weak", "/book/04-weak#the-implicit-weak"},
		{"docs/chapters/11-performance.md", "../benchmarks.md", "/book/benchmarks"},
		{"docs/chapters/00-why-reference-counting.md", "../workshop.md", "/book/workshop"},
		{"docs/workshop.md", "play/", "/play"},
		{"docs/workshop.md", "play/08-misuse-names-its-rule.txt", "/play?scenario=08-misuse-names-its-rule"},
		{"docs/chapters/07-cycles-and-trees.md", "../../exercises/06-leaking-cycle/", "/exercises/06-leaking-cycle"},
		{"docs/chapters/07-cycles-and-trees.md", "../../exercises/06-leaking-cycle/README.md", "/exercises/06-leaking-cycle"},
		{"docs/chapters/02-allocation-and-header.md", "../../rc/box.go", "/code/rc/box.go"},
		{"docs/chapters/02-allocation-and-header.md", "#the-header", "#the-header"},
		{"docs/chapters/02-allocation-and-header.md", "https://go.dev/", "https://go.dev/"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, pageFor(c.from, c.dest), "a link to %s from %s", c.dest, c.from)
	}
}

func TestCodeIsHighlightedAndEscaped(t *testing.T) {
	got := highlight("go", "func f() string { return \"<b>\" } // note\n")
	assert.Contains(t, got, `<span class="k">func</span>`, "a Go keyword is marked")
	assert.Contains(t, got, `<span class="s">&#34;&lt;b&gt;&#34;</span>`, "a string is marked and escaped")
	assert.Contains(t, got, `<span class="c">// note</span>`, "a comment is marked")
	assert.Contains(t, highlight("rust", "fn f<'a>(x: &'a str) -> char { 'x' }"), `<span class="s">&#39;x&#39;</span>`,
		"a Rust char literal is a string, a lifetime is not")
	assert.NotContains(t, highlight("rust", "fn f<'a>(x: &'a str)"), `class="s"`, "a Rust lifetime is left plain")
	assert.Contains(t, highlight("diff", "-old\n+new\n"), `<span class="del">-old`, "a removed line is marked")
	assert.Equal(t, "a &lt; b", highlight("text", "a < b"), "an unknown language is only escaped")
}

func TestANumberEndsBeforeAFieldName(t *testing.T) {
	assert.Equal(t, `<span class="k">self</span>.<span class="n">0</span>.name + <span class="n">1.5</span>`, highlight("rust", "self.0.name + 1.5"),
		"a tuple index is a number, the field after it is not, and a decimal point stays in its number")
}
