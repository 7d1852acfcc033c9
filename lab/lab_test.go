package lab

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryMutantEditsItsFileExactlyOnce guards the mutants against the
// code moving under them: each old text must occur exactly once in its
// file, or the mutant would silently test nothing.
func TestEveryMutantEditsItsFileExactlyOnce(t *testing.T) {
	names := map[string]bool{}
	for _, m := range All() {
		src, err := os.ReadFile(filepath.Join("..", m.File))
		require.NoError(t, err, "mutant %s names a file that does not exist", m.Name)
		assert.NoError(t, m.Occurs(string(src)), "mutant %s must apply to exactly one place", m.Name)
		assert.False(t, names[m.Name], "mutant names are unique: %s is used twice", m.Name)
		names[m.Name] = true
		assert.NotEmpty(t, m.Bug, "mutant %s says what its bug is", m.Name)
		assert.NotEmpty(t, m.Symptom, "mutant %s says what a user would see", m.Name)
	}
}

func TestACapstoneMutantIsHuntedInTheExercisesModule(t *testing.T) {
	require.NotEmpty(t, CapstoneMutants)
	m := CapstoneMutants[0]
	assert.Equal(t, "./12-capstone", m.Package(), "go test runs in exercises/, so the package is named from there")
	assert.Equal(t, "cd exercises && go test -tags solution ./12-capstone", m.Command())
	assert.True(t, m.Required(), "a capstone mutant that survives fails the lab, as an rc mutant does")
	rc := Mutant{File: "rc/drop.go", Model: true}
	assert.Equal(t, "./rc", rc.Package(), "the library's mutants are named from the repository root")
	assert.Equal(t, "go test ./rc", rc.Command())
	assert.True(t, rc.Required())
	race := Mutant{File: "arc/weak.go", Race: true, Hard: "the window is narrow"}
	assert.Equal(t, "go test -race ./arc", race.Command())
	assert.False(t, race.Required(), "a concurrent mutant may survive, saying why")
}

func TestOccursRefusesAnEditThatMissesOrRepeats(t *testing.T) {
	m := Mutant{Name: "x", File: "f.go", Old: "a", New: "b"}
	assert.NoError(t, m.Occurs("xay"))
	assert.ErrorContains(t, m.Occurs("xy"), "occurs 0 times", "an edit that no longer applies is an error")
	assert.ErrorContains(t, m.Occurs("aa"), "occurs 2 times", "an edit that could apply in two places is an error")
	m.New = "a"
	assert.ErrorContains(t, m.Occurs("a"), "changes nothing")
}

func TestApplyLeavesTheTreeAlone(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(root, "p"), 0o755))
	orig := "package p\n\nfunc F() int { return 1 }\n"
	require.NoError(t, os.WriteFile(filepath.Join(root, "p", "f.go"), []byte(orig), 0o644))
	m := Mutant{Name: "two", File: "p/f.go", Old: "return 1", New: "return 2"}
	overlay, err := m.Apply(root, t.TempDir())
	require.NoError(t, err)
	after, err := os.ReadFile(filepath.Join(root, "p", "f.go"))
	require.NoError(t, err)
	assert.Equal(t, orig, string(after), "the tree itself is never changed")
	assert.FileExists(t, overlay)
}

func TestDiffShowsTheBugAsRemovedAndAddedLines(t *testing.T) {
	m := Mutant{Name: "x", File: "rc/unique.go", Old: "\treturn b.Strong == 1 && b.Weak == 1\n", New: "\treturn b.Strong == 1\n"}
	assert.Equal(t, "--- rc/unique.go\n+++ rc/unique.go (x)\n-\treturn b.Strong == 1 && b.Weak == 1\n+\treturn b.Strong == 1\n", m.Diff())
}

// TestFailuresCountsATestBinaryThatDied: a panic on a goroutine other than
// the test's kills the binary, and go test -json then fails only the
// package. The test that was running when it died is the one that failed.
func TestFailuresCountsATestBinaryThatDied(t *testing.T) {
	events := func(lines ...string) []byte { return []byte(strings.Join(lines, "\n")) }
	crashed := events(
		`{"Action":"run","Test":"TestA"}`, `{"Action":"pass","Test":"TestA"}`,
		`{"Action":"run","Test":"TestB"}`, `{"Action":"run","Test":"TestB/sub"}`,
		`{"Action":"output","Test":"TestB","Output":"panic: boom\n"}`,
		`{"Action":"fail"}`)
	failed, buildFailed := failures(crashed)
	assert.False(t, buildFailed)
	assert.Equal(t, []string{"TestB"}, failed, "the test running when the binary died failed")

	failed, _ = failures(events(`{"Action":"run","Test":"TestA"}`, `{"Action":"pass","Test":"TestA"}`, `{"Action":"fail"}`))
	assert.Equal(t, []string{crashedOutsideTests}, failed, "every test passed, yet the package failed: TestMain did")

	failed, _ = failures(events(`{"Action":"run","Test":"TestA"}`, `{"Action":"fail","Test":"TestA"}`, `{"Action":"fail"}`))
	assert.Equal(t, []string{"TestA"}, failed, "an ordinary failure is reported once")

	failed, _ = failures(events(`{"Action":"run","Test":"TestA"}`, `{"Action":"pass","Test":"TestA"}`, `{"Action":"pass"}`))
	assert.Empty(t, failed)

	failed, buildFailed = failures(events(`{"Action":"build-fail"}`, `{"Action":"fail"}`))
	assert.True(t, buildFailed)
	assert.Empty(t, failed, "a package that did not build ran no test")
}

func TestReplaceRewritesOnlyTheRegion(t *testing.T) {
	doc := "intro\n<!-- lab x: begin -->\nold\n<!-- lab x: end -->\noutro\n"
	out, err := Replace(doc, "x", "new\n")
	require.NoError(t, err)
	assert.Equal(t, "intro\n<!-- lab x: begin -->\nnew\n<!-- lab x: end -->\noutro\n", out)
	_, err = Replace(doc, "y", "new\n")
	assert.Error(t, err, "a missing region is an error, not a silent no-op")
}

func TestExploreFindsNoViolationInTheRealImplementation(t *testing.T) {
	res := Explore(3)
	require.Nil(t, res.Violation)
	assert.Equal(t, 3, res.Depth)
	assert.Greater(t, res.States, 100, "depth 3 already reaches hundreds of distinct states")
}

// Every mutant without a Hard reason to survive must be killed: that is
// every mutant of rc, cell and the capstone, and none of the concurrent
// packages'.
func TestOnlyConcurrentMutantsMaySurvive(t *testing.T) {
	for _, m := range All() {
		concurrent := slices.ContainsFunc(ConcurrentMutants, func(c Mutant) bool { return c.Name == m.Name })
		assert.Equal(t, !concurrent, m.Required(), "mutant %s: only a concurrent mutant may survive", m.Name)
	}
}

func TestTheCatalogueSaysWhichTestsKilledEachMutant(t *testing.T) {
	killed := Result{Mutant: Mutant{Name: "a", Bug: "bug a", Model: true}, Killed: true,
		ByRapid: Checked, ByExplorer: Release, ByUnitTests: Survived}
	md := MutantsMarkdown([]Result{killed, {Mutant: Mutant{Name: "b", Bug: "bug b", Model: true}}})
	assert.Contains(t, md, "| model (rapid) | explorer | unit tests |", "the table has a column for each kind of test")
	assert.Contains(t, md, "| `a` | bug a | — | survived | killed | killed (rcrelease) | survived |",
		"each column says whether, and in which build, that kind of test killed the mutant")
	assert.Contains(t, md, "killed 1 of 2 by the model-based tests alone (the unit tests alone: 0)")
	assert.Equal(t, "survived", Survived.String())
}
