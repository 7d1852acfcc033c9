package course

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestACopiedHandleIsExplainedAtItsLine(t *testing.T) {
	dir := t.TempDir()
	ex := Exercise{Slug: "01-cleanup", Dir: filepath.Join(dir, "01-cleanup")}
	require.NoError(t, os.Mkdir(ex.Dir, 0o755))
	require.NoError(t, os.WriteFile(ex.Stub(), []byte(recording(t, "copied.go.txt", dir)), 0o644))

	findings, problems := readVet([]byte(recording(t, "copied.vet.json", dir)), newShortener(ex))
	require.Empty(t, problems)
	require.Len(t, findings, 1)
	f := findings[0]
	assert.Equal(t, CopiedHandle, f.Copy)
	assert.Equal(t, "return *r", f.Source, "the line is quoted from the file")
	assert.Equal(t, "*r", f.Span, "vet's range is the copied expression")
	assert.Equal(t, "exercise.go:15: return *r copies a handle without Clone:\n"+
		"    the copy is counted nowhere, so dropping both gives up one share twice.\n"+
		"    Use r.Clone() to share, r.Move() to transfer.", f.String(),
		"a copied handle is explained in plain words, pointing at the line, with the fix")
}

// vetted runs readVet on the copylocks findings for lines of source, each
// {line, from column, to column, message}.
func vetted(t *testing.T, source string, diagnostics ...[4]any) []Finding {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "exercise.go")
	require.NoError(t, os.WriteFile(file, []byte(source), 0o644))
	var list []string
	for _, d := range diagnostics {
		list = append(list, fmt.Sprintf(`{"posn": "%s:%d:%d", "end": "%s:%d:%d", "message": %q}`,
			file, d[0], d[1], file, d[0], d[2], d[3]))
	}
	out := fmt.Sprintf(`{"example.com/x": {"copylocks": [%s]}}`, strings.Join(list, ", "))
	findings, problems := readVet([]byte(out), newShortener(Exercise{Slug: "x", Dir: dir}))
	require.Empty(t, problems)
	return findings
}

func TestEachWayToCopyAHandleHasItsAdvice(t *testing.T) {
	const handle = ": github.com/rcbook/rcbook/rc.Rc[int] contains github.com/rcbook/rcbook/internal/nocopy.NoCopy"
	findings := vetted(t, "package x\n\n"+
		"func f(a rc.Rc[int], hs []rc.Rc[int]) {\n"+
		"\th := *r\n"+
		"\tuse(a)\n"+
		"\tfor _, h := range hs {\n",
		[4]any{4, 7, 9, "assignment copies lock value to h" + handle},
		[4]any{5, 6, 7, "call of use copies lock value" + handle},
		[4]any{3, 8, 20, "f passes lock by value" + handle},
		[4]any{6, 9, 9, "range var h copies lock" + handle},
	)
	require.Len(t, findings, 4)
	var got []string
	for _, f := range findings {
		got = append(got, f.String())
	}
	assert.Equal(t, []string{
		"exercise.go:3: func f(a rc.Rc[int], hs []rc.Rc[int]) takes a handle by value:\n" +
			"    every call copies it without Clone, and the copy is counted nowhere.\n" +
			"    Take a pointer instead, as Clone and Drop do: a *rc.Rc[int].",
		"exercise.go:4: h := *r copies a handle without Clone:\n" +
			"    the copy is counted nowhere, so dropping both gives up one share twice.\n" +
			"    Use r.Clone() to share, r.Move() to transfer.",
		"exercise.go:5: use(a) copies a handle without Clone:\n" +
			"    the copy is counted nowhere, so dropping both gives up one share twice.\n" +
			"    Use a.Clone() to share, a.Move() to transfer.",
		"exercise.go:6: for _, h := range hs copies each handle without Clone:\n" +
			"    the copies are counted nowhere.\n" +
			"    Range over the indexes instead, and use a pointer to each element: &s[i].",
	}, got, "findings come in line order, each explained for its kind of copy")
}

func TestOtherFindingsReadAsVetGivesThem(t *testing.T) {
	findings := vetted(t, "package x\n\nvar mu sync.Mutex\nvar m = mu\n",
		[4]any{4, 10, 12, "variable declaration copies lock value to m: sync.Mutex"})
	require.Len(t, findings, 1)
	assert.Equal(t, NotAHandle, findings[0].Copy, "a copied sync.Mutex is no rcbook handle")
	assert.Equal(t, "exercise.go:4:10: variable declaration copies lock value to m: sync.Mutex", findings[0].String())

	out := `{"example.com/x": {"printf": [{"posn": "/learner/ex/x/exercise.go:7:28", "message": "fmt.Sprintf format %d has arg name of wrong type string"}]}}
{"example.com/x [example.com/x.test]": {"printf": [{"posn": "/learner/ex/x/exercise.go:7:28", "message": "fmt.Sprintf format %d has arg name of wrong type string"}]}}
{"example.com/x_test [example.com/x.test]": {"tests": {"error": "analysis skipped"}}}`
	findings, problems := readVet([]byte(out), newShortener(Exercise{Slug: "x", Dir: "/learner/ex/x"}))
	require.Len(t, findings, 1, "the package and its test variant report the same finding once")
	assert.Equal(t, "exercise.go:7:28: fmt.Sprintf format %d has arg name of wrong type string", findings[0].String(),
		"file:line relative to the exercise, vet's message as it is")
	assert.Equal(t, []string{"tests: analysis skipped"}, problems, "a check that failed is a problem to show")
}

func TestHandleCopyReadsCopylocksMessages(t *testing.T) {
	const marker = " contains github.com/rcbook/rcbook/internal/nocopy.NoCopy"
	for message, want := range map[string]HandleCopy{
		"assignment copies lock value to b: rc.Rc[int]" + marker:                      CopiedHandle,
		"return copies lock value: rc.Rc[int]" + marker:                               CopiedHandle,
		"literal copies lock value from a: rc.Rc[int]" + marker:                       CopiedHandle,
		"Share returns lock by value: rc.Rc[int]" + marker:                            CopiedHandle,
		"show passes lock by value: rc.Rc[int]" + marker:                              HandleParameter,
		"range var h copies lock: rc.Rc[int]" + marker:                                RangedHandle,
		"assignment copies lock value to b: sync.Mutex":                               NotAHandle,
		"assignment copies lock value to p: cycle.Pair contains rc.Rc[Node]" + marker: CopiedHandle,
	} {
		assert.Equal(t, want, handleCopy("copylocks", message), message)
	}
	assert.Equal(t, NotAHandle, handleCopy("printf", "return copies lock value: x"+marker), "only copylocks speaks of copies")
}

func TestAFindingWhoseFileCannotBeReadStillPointsAtItsLine(t *testing.T) {
	out := `{"example.com/x": {"copylocks": [{"posn": "/nowhere/x/exercise.go:3:2", "message": "return copies lock value: rc.Rc[int] contains github.com/rcbook/rcbook/internal/nocopy.NoCopy"}]}}`
	findings, _ := readVet([]byte(out), newShortener(Exercise{Slug: "x", Dir: "/nowhere/x"}))
	require.Len(t, findings, 1)
	assert.Equal(t, "exercise.go:3: this line copies a handle without Clone:\n"+
		"    the copy is counted nowhere, so dropping both gives up one share twice.\n"+
		"    Use Clone() to share, Move() to transfer.", findings[0].String())
}

func TestUnreadableVetOutputIsAProblem(t *testing.T) {
	_, problems := readVet([]byte("{not json"), shortener{})
	require.Len(t, problems, 1)
	assert.Contains(t, problems[0], "cannot read go vet's findings")
	findings, problems := readVet(nil, shortener{})
	assert.Empty(t, findings)
	assert.Empty(t, problems, "no output is no finding")
}
