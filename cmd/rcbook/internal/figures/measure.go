package figures

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Options say how hard to measure. The machine the book is measured on is
// shared and noisy, so one go test run proves little: every build is run
// Rounds times, the builds alternating, so that a slow minute hits both.
type Options struct {
	Root      string    // the module root, where ./benchmarks is
	Rounds    int       // go test runs per build
	Count     int       // -count of each run
	Benchtime string    // -benchtime of each run; "" for go test's default
	Log       io.Writer // where each go test command is announced; nil for nowhere
}

// Run is what one go test run of one build reported: every sample of every
// benchmark and metric, in the order printed.
type Run struct {
	Build   Build
	Samples map[string][]float64 // by sampleKey(bench, metric)
	Env     map[string]string    // goos, goarch, pkg, cpu
}

func sampleKey(bench, metric string) string { return bench + " " + metric }

// Measure runs the benchmarks that defs need and returns the runs, in the
// order they ran.
func Measure(defs []Def, o Options) ([]Run, error) {
	var builds []Build
	tops := map[Build][]string{}
	for _, d := range defs {
		if !slices.Contains(builds, d.Build) {
			builds = append(builds, d.Build)
		}
		for _, name := range []string{d.Bench, d.Peer} {
			top, _, _ := strings.Cut(name, "/")
			if name != "" && !slices.Contains(tops[d.Build], top) {
				tops[d.Build] = append(tops[d.Build], top)
			}
		}
	}
	var runs []Run
	for round := range o.Rounds {
		order := slices.Clone(builds)
		if round%2 == 1 {
			slices.Reverse(order) // alternate which build runs first
		}
		for _, b := range order {
			r, err := runOnce(b, tops[b], o)
			if err != nil {
				return nil, err
			}
			runs = append(runs, r)
		}
	}
	return runs, nil
}

// runOnce is one go test run of the named top-level benchmarks in build b.
func runOnce(b Build, tops []string, o Options) (Run, error) {
	args := []string{"test", "-run", "^$", "-bench", "^Benchmark(" + strings.Join(tops, "|") + ")$",
		"-benchmem", "-count", strconv.Itoa(o.Count), "-timeout", "2h"}
	if o.Benchtime != "" {
		args = append(args, "-benchtime", o.Benchtime)
	}
	if b == Release {
		args = append(args, "-tags", "rcrelease")
	}
	args = append(args, "./benchmarks")
	if o.Log != nil {
		fmt.Fprintf(o.Log, "%s  go %s\n", time.Now().Format("15:04:05"), strings.Join(args, " "))
	}
	cmd := exec.Command("go", args...)
	cmd.Dir = o.Root
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return Run{}, fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out.String())
	}
	r := Parse(out.String())
	r.Build = b
	return r, nil
}

// procs is the -GOMAXPROCS suffix go test adds to a benchmark's name.
var procs = regexp.MustCompile(`-\d+$`)

// Parse reads go test -bench output: every result line's metrics, and the
// goos, goarch, pkg and cpu lines.
func Parse(out string) Run {
	r := Run{Samples: map[string][]float64{}, Env: map[string]string{}}
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		if k, v, ok := strings.Cut(line, ": "); ok && slices.Contains([]string{"goos", "goarch", "pkg", "cpu"}, k) {
			r.Env[k] = v
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || len(f)%2 != 0 {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue // not a result line: "BenchmarkX ... FAIL", a log line
		}
		name := procs.ReplaceAllString(strings.TrimPrefix(f[0], "Benchmark"), "")
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			k := sampleKey(name, f[i+1])
			r.Samples[k] = append(r.Samples[k], v)
		}
	}
	return r
}

// Compute works out d's figure from the runs: the median of every sample of
// its build, or for a ratio the median over its build's runs of each run's
// median of Bench divided by its median of Peer. It returns the value and
// how it was obtained.
func Compute(d Def, runs []Run) (float64, string, error) {
	var all, ratios []float64
	nRuns := 0
	for _, r := range runs {
		if r.Build != d.Build {
			continue
		}
		nRuns++
		s := r.Samples[sampleKey(d.Bench, d.Metric)]
		if len(s) == 0 {
			return 0, "", fmt.Errorf("figure %s: a %s run reported no %s for %s", d.Name, d.Build, d.Metric, d.Bench)
		}
		all = append(all, s...)
		if d.Peer != "" {
			p := r.Samples[sampleKey(d.Peer, d.Metric)]
			if len(p) == 0 {
				return 0, "", fmt.Errorf("figure %s: a %s run reported no %s for %s", d.Name, d.Build, d.Metric, d.Peer)
			}
			ratios = append(ratios, median(s)/median(p))
		}
	}
	if nRuns == 0 {
		return 0, "", fmt.Errorf("figure %s: no %s run", d.Name, d.Build)
	}
	if d.Peer != "" {
		return median(ratios), fmt.Sprintf("%s ÷ %s, %s: median of %d runs' ratios", d.Bench, d.Peer, d.Metric, nRuns), nil
	}
	return median(all), fmt.Sprintf("%s, %s: median of %d samples in %d runs", d.Bench, d.Metric, len(all), nRuns), nil
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// Format prints a value the way the book quotes it: ratios with two
// decimals (one from 10 up), times to three significant digits (whole
// nanoseconds from 100 up), bytes and allocations whole.
func Format(v float64, unit string) string {
	switch unit {
	case "×":
		if v < 10 {
			return strconv.FormatFloat(v, 'f', 2, 64)
		}
		return strconv.FormatFloat(v, 'f', 1, 64)
	case "ns":
		switch {
		case v < 10:
			return strconv.FormatFloat(v, 'f', 2, 64)
		case v < 100:
			return strconv.FormatFloat(v, 'f', 1, 64)
		}
	}
	return strconv.FormatFloat(math.Round(v), 'f', 0, 64)
}

// Figures computes every def's figure from the runs, dated day.
func Figures(defs []Def, runs []Run, day string) ([]Figure, error) {
	var figs []Figure
	for _, d := range defs {
		v, how, err := Compute(d, runs)
		if err != nil {
			return nil, err
		}
		figs = append(figs, Figure{Name: d.Name, Value: Format(v, d.Unit()), Unit: d.Unit(), How: how, Command: d.Command(), Measured: day})
	}
	return figs, nil
}

// Notes are the data file's comment lines: what the file is, and how and
// where the figures in it were measured.
func Notes(runs []Run, o Options, goVersion string, cpus int, day string) []string {
	env := map[string]string{}
	if len(runs) > 0 {
		env = runs[0].Env
	}
	benchtime := o.Benchtime
	if benchtime == "" {
		benchtime = "1s"
	}
	return []string{
		"The book's benchmark figures. Chapters and docs/benchmarks.md quote one as",
		"<!-- figure: NAME -->VALUE, and `go run ./cmd/rcbook docs check` fails when the two",
		"disagree. Never edit a figure by hand: `go run ./cmd/rcbook docs figures -update`",
		"measures them all again and rewrites this file, and `docs check -update` then",
		"rewrites the numbers in the prose.",
		"",
		fmt.Sprintf("Measured on %s with %s, %s/%s, %s, %d CPUs (a shared machine, so noisy).",
			day, goVersion, env["goos"], env["goarch"], env["cpu"], cpus),
		fmt.Sprintf("Each build ran %d times (-count %d, -benchtime %s), checked and rcrelease runs alternating.",
			o.Rounds, o.Count, benchtime),
		"A figure is the median of its samples. A ratio is the median over runs of the ratio",
		"of the two benchmarks' medians within one run, so both sides saw the same machine.",
	}
}
