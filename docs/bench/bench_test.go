package main

import (
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseGoReadsEveryMetricAndDropsTheProcsSuffix(t *testing.T) {
	out := "goos: linux\n" +
		"BenchmarkCloneDrop-2   \t 1000000\t        5.35 ns/op\t       0 B/op\t       0 allocs/op\n" +
		"BenchmarkCloneDropLive/n=10-2 \t 100\t 6.00 ns/op\n" +
		"BenchmarkDropChain-2 \t 3\t 41000000 ns/op\t 41.0 ns/node\t 64 B/op\t 1 allocs/op\n" +
		"PASS\n"
	res, err := parseGo(out)
	require.NoError(t, err, "well-formed benchmark output must parse")
	assert.Equal(t, sample{"ns/op": 5.35, "B/op": 0, "allocs/op": 0}, res["CloneDrop"], "every unit is kept, under the name without its -2")
	assert.Equal(t, 6.0, res["CloneDropLive/n=10"]["ns/op"], "a sub-benchmark keeps its path")
	assert.Equal(t, 41.0, res["DropChain"]["ns/node"], "custom metrics are read like the standard ones")
	assert.Len(t, res, 3, "lines that are not results are skipped")

	_, err = parseGo("PASS\n")
	assert.Error(t, err, "output without a single result is an error, not an empty table")
}

func TestParseRustReadsNameTabValue(t *testing.T) {
	res, err := parseRust("clone_drop\t1.750\nclone_drop_live/n=10\t2.000\n")
	require.NoError(t, err)
	assert.Equal(t, 1.75, res["clone_drop"]["ns/op"])
	assert.Equal(t, 2.0, res["clone_drop_live/n=10"]["ns/op"])
	_, err = parseRust("clone_drop\tfast\n")
	assert.Error(t, err, "a value that is not a number must be reported")
}

func TestRatioIsTakenWithinEachRoundThenSummarized(t *testing.T) {
	res := newResults()
	// Round 0 is a slow minute for both sides, round 1 a fast one: the ratio
	// is 2 in both, although the medians of the times alone would say 1.5.
	res.add(0, rust, map[string]sample{"p": {"ns/op": 10}})
	res.add(0, checked, map[string]sample{"P": {"ns/op": 20}})
	res.add(1, rust, map[string]sample{"p": {"ns/op": 1}})
	res.add(1, checked, map[string]sample{"P": {"ns/op": 2}})
	res.add(2, checked, map[string]sample{"P": {"ns/op": 99}}) // no Rust sample in round 2
	r := res.ratio(ref{checked, "P", "ns/op"}, ref{rust, "p", "ns/op"})
	assert.Equal(t, stat{median: 2, low: 2, high: 2, n: 2}, r, "only rounds with both sides count, each as its own ratio")
	assert.Equal(t, stat{median: 20, low: 2, high: 99, n: 3}, res.value(checked, "P", "ns/op"), "a value is the median of all its rounds")
	assert.False(t, res.ratio(ref{release, "P", "ns/op"}, ref{rust, "p", "ns/op"}).ok(), "a build never measured has no ratio")
}

func TestSplicedReplacesOnlyBetweenTheMarkers(t *testing.T) {
	page := "# T\nkept before\n" + beginMarker + "\nold\n" + endMarker + "\nkept after\n"
	got, err := spliced([]byte(page), "new\n")
	require.NoError(t, err)
	assert.Equal(t, "# T\nkept before\n"+beginMarker+"\nnew\n"+endMarker+"\nkept after\n", string(got))
	_, err = spliced([]byte("# no markers\n"), "new\n")
	assert.Error(t, err, "a page without markers must not be rewritten")
}

// The whole pipeline, at a size CI can afford: build the Rust program and
// both Go builds, one round of one iteration each, then a page and a plot
// that render every table. It needs rustc, which CI installs.
func TestOneTinyRoundWritesThePageAndAWellFormedPlot(t *testing.T) {
	if testing.Short() {
		t.Skip("builds three programs")
	}
	if _, err := exec.LookPath("rustc"); err != nil {
		t.Skip("rustc is not installed")
	}
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	t.Chdir(root) // the script runs from the module root, as its doc says
	dir := t.TempDir()
	page := filepath.Join(dir, "benchmarks.md")
	require.NoError(t, os.WriteFile(page, []byte("intro\n"+beginMarker+"\n"+endMarker+"\nrest\n"), 0o644))
	svg := filepath.Join(dir, "plot.svg")

	require.NoError(t, run(1, time.Millisecond, page, svg), "one tiny round must run end to end")

	text, err := os.ReadFile(page)
	require.NoError(t, err)
	for _, want := range []string{"intro\n", "\nrest\n", "| Clone+Drop |", "| 100 000 |", "allocs/op", "![", "plot.svg"} {
		assert.Contains(t, string(text), want, "the page keeps its own text and gains every table")
	}
	row := strings.SplitN(strings.SplitN(string(text), "| Clone+Drop |", 2)[1], "\n", 2)[0]
	assert.NotContains(t, row, "—", "Clone+Drop was measured on all three sides")

	f, err := os.Open(svg)
	require.NoError(t, err)
	defer f.Close()
	dec := xml.NewDecoder(f)
	for {
		_, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the plot must be well-formed XML")
	}
}
