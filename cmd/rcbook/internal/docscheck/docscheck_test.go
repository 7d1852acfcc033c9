package docscheck

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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

func TestRustProgramSplitsOffItsPinnedOutput(t *testing.T) {
	code, out, err := RustProgram(filepath.Join(repo, "rust/hello.rs"))
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(code, "println!(\"strong: {}\", Rc::strong_count(&a));\n}"), "the program is quoted without its trailer:\n%s", code)
	assert.Equal(t, "strong: 2\nstrong: 1", out)
}

// requireRustc skips a test that compiles Rust where rustc is missing;
// CI has it, and docs check fails there without it.
func requireRustc(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("rustc"); err != nil {
		t.Skip("rustc is not on PATH")
	}
}

func TestCheckRunsTheRustProgramsItQuotes(t *testing.T) {
	requireRustc(t)
	code, _, err := RustProgram(filepath.Join(repo, "rust/hello.rs"))
	require.NoError(t, err)
	dir := chapter(t, "<!-- rust: rust/hello.rs -->\n```rust\n"+code+"\n```\n\n<!-- rust-output: rust/hello.rs -->\n```output\nstrong: 2\nstrong: 1\n```\n")
	r, err := Check(repo, dir, false)
	require.NoError(t, err)
	assert.Empty(t, r.Problems)
	assert.Equal(t, 2, r.Snippets, "the program and its output are both verified")
}

func TestCheckCatchesARustProgramThatPrintsOtherThanItPins(t *testing.T) {
	requireRustc(t)
	dir := chapter(t, "<!-- rust-output: rust/liar.rs -->\n```output\nwhat it says it prints\n```\n")
	r, err := Check(repo, dir, false)
	require.NoError(t, err)
	require.Len(t, r.Problems, 1, "a pinned output the program does not print is a problem, as in go test")
	assert.Contains(t, r.Problems[0], "prints\nwhat it prints\nbut pins")
}

func TestARustBlockNeedsItsMarker(t *testing.T) {
	dir := chapter(t, "```rust\nfn main() {}\n```\n")
	r, err := Check(repo, dir, false)
	require.NoError(t, err)
	require.Len(t, r.Problems, 1)
	assert.Contains(t, r.Problems[0], "needs a <!-- rust: FILE --> marker")
}

func TestCheckComparesFiguresWithTheDataFile(t *testing.T) {
	dir := chapter(t, "Clone+Drop costs <!-- figure: clone-ratio -->2.88× the plain counter, "+
		"<!-- figure: clone-ns -->4.65 ns a pair.\n\n| op | ns |\n|---|---|\n| Clone+Drop | <!-- figure: clone-ns -->4.65 |\n")
	r, err := Check(repo, dir, false)
	require.NoError(t, err)
	assert.Empty(t, r.Problems)
	assert.Equal(t, 3, r.Figures, "two in a sentence, one in a table whose header gives the unit")
}

func TestCheckReportsADriftedFigureAndUpdateFixesIt(t *testing.T) {
	dir := chapter(t, "Clone+Drop costs about <!-- figure: clone-ratio -->2.9× the plain counter.\n")
	r, err := Check(repo, dir, false)
	require.NoError(t, err)
	require.Len(t, r.Problems, 1, "a number typed by hand, rounded or stale, is not the measured one")
	assert.Contains(t, r.Problems[0], "01.md:1: figure clone-ratio: the text says 2.9, docs/figures.tsv has 2.88")

	_, err = Check(repo, dir, true)
	require.NoError(t, err)
	got, err := os.ReadFile(filepath.Join(dir, "01.md"))
	require.NoError(t, err)
	assert.Equal(t, "Clone+Drop costs about <!-- figure: clone-ratio -->2.88× the plain counter.\n", string(got),
		"-update rewrites the number and nothing around it")
}

func TestAFigureMustNameAFigureAndCarryItsUnit(t *testing.T) {
	for text, problem := range map[string]string{
		"costs <!-- figure: clone-ratioo -->2.88×\n":  "no figure clone-ratioo in docs/figures.tsv",
		"costs <!-- figure: clone-ratio --> 2.88×\n":  "no number after the marker (want 2.88×)",
		"costs <!-- figure: clone-ratio -->2.88 ns\n": "the text gives it in ns, but it is in ×",
		"costs <!-- figure: clone-ns -->4.65×\n":      "the text gives it in ×, but it is in ns",
		"costs <!-- figure: clone-ns -->4.651 ns\n":   "the text says 4.651",
	} {
		r, err := Check(repo, chapter(t, text), false)
		require.NoError(t, err)
		require.Len(t, r.Problems, 1, text)
		assert.Contains(t, r.Problems[0], problem, text)
	}
}

func TestAFigureMayEndASentenceAndBeShownInCode(t *testing.T) {
	dir := chapter(t, "Clone+Drop took <!-- figure: clone-ns -->4.65. Write `<!-- figure: NAME -->` before a number.\n"+
		"```sh\necho '<!-- figure: not-checked -->1'\n```\n")
	r, err := Check(repo, dir, false)
	require.NoError(t, err)
	assert.Empty(t, r.Problems, "a full stop is not part of the number; code spans and blocks show the syntax")
	assert.Equal(t, 1, r.Figures)
}

func TestAFigureWithoutADataFileSaysHowToMakeOne(t *testing.T) {
	r, err := Check(t.TempDir(), chapter(t, "costs <!-- figure: clone-ratio -->2.88×\n"), false)
	require.NoError(t, err)
	require.Len(t, r.Problems, 1)
	assert.Contains(t, r.Problems[0], "rcbook docs figures -update")
}
