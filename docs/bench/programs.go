package main

import (
	_ "embed"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

//go:embed pairs.rs
var pairsRust []byte

// The three builds a round runs.
const (
	rust    = "rust"
	checked = "checked"
	release = "release"
)

// group is what one turn of a round runs: Go benchmarks (a -test.bench
// pattern for names without their Benchmark prefix) and the Rust pairs
// they are read against (a pairs.rs name, or "" for none). Running a group
// at a time puts the two sides of a ratio seconds apart, not minutes.
type group struct{ goPattern, rustName string }

var groups = []group{
	{"CloneDrop", "clone_drop"},
	{"UpgradeDrop", "upgrade_drop"},
	{"DowngradeDrop", "downgrade_drop"},
	{"WeakCloneDrop", "weak_clone_drop"},
	{"NewDrop|PoolNewDrop|PlainNewDrop", "new_drop"},
	{"CloneDropLive", "clone_drop_live"},
	{"DropChain|DropChainNested", "drop_chain"},
	{"RWReadUncontended", ""},
	{"RWMixed95|RWReadContended", ""},
	{"RcMapAcquireReleaseExisting|RcMapPeerMutexMapAcquireReleaseExisting", ""},
}

// program is one compiled benchmark program.
type program struct {
	build string // rust, checked or release
	path  string
}

// sample is one benchmark's result in one run: ns/op and, for Go, the
// other metrics it reported (B/op, allocs/op, ns/node).
type sample map[string]float64

// build compiles the Rust program and the two Go test binaries into dir.
func build(dir string) ([]program, error) {
	src := filepath.Join(dir, "pairs.rs")
	if err := os.WriteFile(src, pairsRust, 0o644); err != nil {
		return nil, err
	}
	progs := []program{
		{rust, filepath.Join(dir, "pairs")},
		{checked, filepath.Join(dir, "checked.test")},
		{release, filepath.Join(dir, "release.test")},
	}
	cmds := [][]string{
		{"rustc", "-O", "-o", progs[0].path, src},
		{"go", "test", "-c", "-o", progs[1].path, "./benchmarks"},
		{"go", "test", "-c", "-tags", "rcrelease", "-o", progs[2].path, "./benchmarks"},
	}
	for _, c := range cmds {
		cmd := exec.Command(c[0], c[1:]...)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("%s: %w", strings.Join(c, " "), err)
		}
	}
	return progs, nil
}

// run runs g's benchmarks in p once and returns the samples by name; ok is
// false if p has nothing to run for g.
func (p program) run(g group, benchtime time.Duration) (samples map[string]sample, ok bool, err error) {
	var cmd *exec.Cmd
	switch {
	case p.build == rust && g.rustName == "":
		return nil, false, nil
	case p.build == rust:
		cmd = exec.Command(p.path, strconv.FormatFloat(benchtime.Seconds(), 'g', -1, 64), g.rustName)
	default:
		cmd = exec.Command(p.path, "-test.run", "^$", "-test.bench", "^Benchmark("+g.goPattern+")$",
			"-test.benchmem", "-test.benchtime", benchtime.String())
	}
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, false, err
	}
	if p.build == rust {
		samples, err = parseRust(string(out))
	} else {
		samples, err = parseGo(string(out))
	}
	return samples, err == nil, err
}

// parseRust reads the Rust program's "name<TAB>ns" lines.
func parseRust(out string) (map[string]sample, error) {
	res := map[string]sample{}
	for line := range strings.Lines(out) {
		name, value, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if !ok {
			continue
		}
		ns, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return nil, fmt.Errorf("rust output %q: %w", line, err)
		}
		res[name] = sample{"ns/op": ns}
	}
	if len(res) == 0 {
		return nil, fmt.Errorf("rust program printed no results")
	}
	return res, nil
}

// parseGo reads `go test -bench` result lines:
//
//	BenchmarkName/sub-2   1000   12.3 ns/op   0 B/op   0 allocs/op
//
// The name loses its Benchmark prefix and its -GOMAXPROCS suffix.
func parseGo(out string) (map[string]sample, error) {
	res := map[string]sample{}
	for line := range strings.Lines(out) {
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || len(f)%2 != 0 {
			continue
		}
		name := strings.TrimPrefix(f[0], "Benchmark")
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		s := sample{}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("go output %q: %w", line, err)
			}
			s[f[i+1]] = v
		}
		res[name] = s
	}
	if len(res) == 0 {
		return nil, fmt.Errorf("go benchmarks printed no results")
	}
	return res, nil
}

// describe says where and how the figures were measured.
func describe(rounds int, benchtime time.Duration) string {
	cpu := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.Lines(string(b)) {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	rustc := "rustc"
	if out, err := exec.Command("rustc", "--version").Output(); err == nil {
		rustc = strings.TrimSpace(string(out))
	}
	return fmt.Sprintf("Measured on %s with %s and %s, %s/%s, %s, %d CPUs; %d rounds, %s per benchmark.",
		time.Now().UTC().Format("2006-01-02"), runtime.Version(), rustc, runtime.GOOS, runtime.GOARCH,
		cpu, runtime.NumCPU(), rounds, benchtime)
}
