package figures

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTheFileReadsBackWhatWasWritten(t *testing.T) {
	path := filepath.Join(t.TempDir(), "figures.tsv")
	f := &File{
		Notes: []string{"How these were measured.", "", "On which machine."},
		Figures: []Figure{
			{"clone-drop-checked-vs-plain", "2.88", "×", "CloneDrop ÷ PlainCloneDrop", "go test -bench '^Benchmark(CloneDrop|PlainCloneDrop)$' ./benchmarks", "2026-01-02"},
			{"new-drop-checked-bytes", "64", "B", "NewDrop, B/op", "go test ./benchmarks", "2026-01-02"},
		},
	}
	require.NoError(t, f.Write(path))
	got, err := Read(path)
	require.NoError(t, err)
	assert.Equal(t, f, got)
	assert.Equal(t, "2.88×", got.Figures[0].Text(), "a ratio's × follows the number")
	assert.Equal(t, "64 B", got.Figures[1].Text(), "other units follow a space")
}

func TestAMalformedFileIsRefused(t *testing.T) {
	for text, problem := range map[string]string{
		"# notes only\n":                       "no column line",
		"name\tvalue\n":                        "must be the columns",
		header + "\na\t1\t×\thow\tcmd\n":       "5 columns, want 6",
		header + "\na\t1\tms\thow\tcmd\tday\n": `unit "ms"`,
		header + "\na\t1\t×\thow\tcmd\tday\na\t2\t×\thow\tcmd\tday\n": "figure a listed twice",
	} {
		path := filepath.Join(t.TempDir(), "figures.tsv")
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
		_, err := Read(path)
		require.Error(t, err, text)
		assert.Contains(t, err.Error(), problem)
	}
}

// output is go test -bench output as it looks, with a peer in the same run.
const output = `goos: linux
goarch: amd64
pkg: github.com/rcbook/rcbook/benchmarks
cpu: AMD EPYC 7B13
BenchmarkCloneDrop-2        	257284126	         4.000 ns/op	       0 B/op	       0 allocs/op
BenchmarkCloneDrop-2        	257284126	         6.000 ns/op	       0 B/op	       0 allocs/op
BenchmarkPlainCloneDrop-2   	757284126	         2.000 ns/op	       0 B/op	       0 allocs/op
BenchmarkPlainCloneDrop-2   	757284126	         2.000 ns/op	       0 B/op	       0 allocs/op
BenchmarkAllocN/int/n=1024/pool-empty-2 	    9781	    130068 ns/op	        10.65 gc-ns/elem	       127.0 ns/elem	   95400 B/op	    1037 allocs/op
PASS
ok  	github.com/rcbook/rcbook/benchmarks	12.3s
`

func TestParseReadsEveryMetricOfEveryResult(t *testing.T) {
	r := Parse(output)
	assert.Equal(t, []float64{4, 6}, r.Samples["CloneDrop ns/op"], "the -GOMAXPROCS suffix is not part of the name")
	assert.Equal(t, []float64{0, 0}, r.Samples["CloneDrop allocs/op"])
	assert.Equal(t, []float64{127}, r.Samples["AllocN/int/n=1024/pool-empty ns/elem"], "sub-benchmarks and custom metrics too")
	assert.Equal(t, []float64{10.65}, r.Samples["AllocN/int/n=1024/pool-empty gc-ns/elem"])
	assert.Equal(t, "AMD EPYC 7B13", r.Env["cpu"])
}

func TestARatioIsTheMedianOfEachRunsRatio(t *testing.T) {
	run := func(b Build, clone, plain []float64) Run {
		return Run{Build: b, Samples: map[string][]float64{"CloneDrop ns/op": clone, "PlainCloneDrop ns/op": plain}}
	}
	runs := []Run{
		run(Checked, []float64{4, 6}, []float64{2, 2}), // ratio 2.5
		run(Release, []float64{1}, []float64{1}),       // another build: ignored
		run(Checked, []float64{9}, []float64{3}),       // a slow run, but both sides slow: ratio 3
		run(Checked, []float64{3}, []float64{2}),       // ratio 1.5
	}
	v, how, err := Compute(Def{Name: "r", Build: Checked, Bench: "CloneDrop", Peer: "PlainCloneDrop", Metric: "ns/op"}, runs)
	require.NoError(t, err)
	assert.Equal(t, 2.5, v, "ratios within runs, then their median, so a slow run does not skew the ratio")
	assert.Equal(t, "CloneDrop ÷ PlainCloneDrop, ns/op: median of 3 runs' ratios", how)

	v, how, err = Compute(Def{Name: "t", Build: Checked, Bench: "CloneDrop", Metric: "ns/op"}, runs)
	require.NoError(t, err)
	assert.Equal(t, 5.0, v, "the median of 4, 6, 9 and 3")
	assert.Equal(t, "CloneDrop, ns/op: median of 4 samples in 3 runs", how)

	_, _, err = Compute(Def{Name: "x", Build: Checked, Bench: "NewDrop", Metric: "ns/op"}, runs)
	assert.ErrorContains(t, err, "reported no ns/op for NewDrop", "a figure whose benchmark did not run is an error, not a zero")
}

func TestFormatRoundsAsTheBookPrints(t *testing.T) {
	for _, c := range []struct {
		v    float64
		unit string
		want string
	}{
		{2.8812, "×", "2.88"}, {0.4666, "×", "0.47"}, {12.34, "×", "12.3"},
		{4.6499, "ns", "4.65"}, {17.34, "ns", "17.3"}, {110.4, "ns", "110"}, {2083.2, "ns", "2083"},
		{64, "B", "64"}, {1, "allocs", "1"},
	} {
		assert.Equal(t, c.want, Format(c.v, c.unit), "%v %s", c.v, c.unit)
	}
}

func TestACommandSelectsExactlyItsBenchmarks(t *testing.T) {
	assert.Equal(t, "go test -run '^$' -bench '^BenchmarkCloneDrop$' -benchmem ./benchmarks",
		Def{Bench: "CloneDrop", Build: Checked}.Command())
	assert.Equal(t, "go test -run '^$' -bench '^Benchmark(CloneDrop|PlainCloneDrop)$' -benchmem -tags rcrelease ./benchmarks",
		Def{Bench: "CloneDrop", Peer: "PlainCloneDrop", Build: Release}.Command())
	assert.Equal(t, "go test -run '^$' -bench '^BenchmarkAllocN$/^int$/^n=1024$/^(pool|rc)$' -benchmem ./benchmarks",
		Def{Bench: "AllocN/int/n=1024/pool", Peer: "AllocN/int/n=1024/rc", Build: Checked}.Command(),
		"go test matches each level of a sub-benchmark's name on its own")
}

func TestEveryFigureHasAUniqueNameAndAKnownUnit(t *testing.T) {
	seen := map[string]bool{}
	for _, d := range Book() {
		assert.False(t, seen[d.Name], "%s defined twice", d.Name)
		seen[d.Name] = true
		assert.True(t, knownUnit(d.Unit()), d.Name)
		assert.True(t, strings.Contains(d.Name, "-"+string(d.Build)+"-"), "%s names its build", d.Name)
	}
}

// TestTheDataFileHoldsTheBooksFigures keeps docs/figures.tsv and Book in
// step: a figure added, renamed or measured differently needs a new
// measurement, not an edit by hand.
func TestTheDataFileHoldsTheBooksFigures(t *testing.T) {
	f, err := Read(filepath.Join("..", "..", "..", "..", Path))
	require.NoError(t, err, "run `go run ./cmd/rcbook docs figures -update`")
	defs := Book()
	require.Len(t, f.Figures, len(defs), "one line per figure of Book, in order")
	for i, d := range defs {
		fig := f.Figures[i]
		assert.Equal(t, d.Name, fig.Name)
		assert.Equal(t, d.Unit(), fig.Unit, d.Name)
		assert.Equal(t, d.Command(), fig.Command, d.Name)
		assert.Regexp(t, `^[0-9]+(\.[0-9]+)?$`, fig.Value, d.Name)
	}
}

// TestMeasureRunsTheBenchmarks runs two benchmarks once each in both
// builds, the smallest real measurement, and checks that every figure of
// those two comes out.
func TestMeasureRunsTheBenchmarks(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the benchmarks package")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	root, err := filepath.Abs(filepath.Join("..", "..", "..", ".."))
	require.NoError(t, err)
	var defs []Def
	for _, d := range Book() {
		if strings.HasPrefix(d.Name, "clone-drop-") && strings.HasSuffix(d.Name, "-vs-plain") {
			defs = append(defs, d)
		}
	}
	require.Len(t, defs, 2, "one per build")
	runs, err := Measure(defs, Options{Root: root, Rounds: 1, Count: 1, Benchtime: "1x"})
	require.NoError(t, err)
	require.Len(t, runs, 2, "one run per build and round")
	figs, err := Figures(defs, runs, "2026-01-02")
	require.NoError(t, err)
	for _, f := range figs {
		assert.Regexp(t, `^[0-9]+\.[0-9]{2}$`, f.Value, f.Name)
		assert.Equal(t, "2026-01-02", f.Measured)
	}
}
