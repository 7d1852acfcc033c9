package figures

import (
	"fmt"
	"regexp"
	"strings"
)

// Build is one of the two ways the library compiles.
type Build string

const (
	Checked Build = "checked" // the default: every invariant checked
	Release Build = "release" // -tags rcrelease: the checks compiled out
)

// Def says how to measure one figure: a benchmark of package benchmarks in
// one build, alone or divided by a peer measured in the same go test run.
type Def struct {
	Name   string
	Build  Build
	Bench  string // without "Benchmark": CloneDrop, AllocN/int/n=1024/pool
	Peer   string // a ratio's divisor; "" for a figure of Bench alone
	Metric string // what go test reports: ns/op, ns/elem, B/op, allocs/op
}

// Unit is the unit the figure is printed in.
func (d Def) Unit() string {
	switch {
	case d.Peer != "":
		return "×"
	case d.Metric == "B/op":
		return "B"
	case d.Metric == "allocs/op":
		return "allocs"
	}
	return "ns"
}

// Command is a go test command line that measures the figure on its own.
func (d Def) Command() string {
	cmd := "go test -run '^$' -bench '" + benchPattern(d.Bench, d.Peer) + "' -benchmem"
	if d.Build == Release {
		cmd += " -tags rcrelease"
	}
	return cmd + " ./benchmarks"
}

// benchPattern is a -bench pattern that selects exactly the named
// benchmarks: go test matches each level of a name (split at /) against
// its own part of the pattern.
func benchPattern(names ...string) string {
	var levels [][]string
	for _, name := range names {
		if name == "" {
			continue
		}
		for i, part := range strings.Split(name, "/") {
			if i == len(levels) {
				levels = append(levels, nil)
			}
			if !contains(levels[i], part) {
				levels[i] = append(levels[i], part)
			}
		}
	}
	var out []string
	for i, parts := range levels {
		quoted := make([]string, len(parts))
		for j, p := range parts {
			quoted[j] = regexp.QuoteMeta(p)
		}
		alt := strings.Join(quoted, "|")
		if len(parts) > 1 {
			alt = "(" + alt + ")"
		}
		if i == 0 {
			alt = "Benchmark" + alt
		}
		out = append(out, "^"+alt+"$")
	}
	return strings.Join(out, "/")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Book lists every figure the book quotes, in the order of docs/figures.tsv:
// the handles of package rc beside their peers (docs/benchmarks.md's first
// table, chapter 11), pools (chapter 14), arc and refcount (chapters 12 and
// 13) and rcmap (chapter 15). Names say what is measured, in which build,
// and against which peer: clone-drop-checked-vs-plain is Clone+Drop with the
// checks on, divided by the plain counter's Clone+Drop in the same run.
func Book() []Def {
	var defs []Def
	ns := func(name string, b Build, bench string) {
		defs = append(defs, Def{Name: fmt.Sprintf("%s-%s-ns", name, b), Build: b, Bench: bench, Metric: "ns/op"})
	}
	bytes := func(name string, b Build, bench string) {
		defs = append(defs, Def{Name: fmt.Sprintf("%s-%s-bytes", name, b), Build: b, Bench: bench, Metric: "B/op"})
	}
	allocs := func(name string, b Build, bench string) {
		defs = append(defs, Def{Name: fmt.Sprintf("%s-%s-allocs", name, b), Build: b, Bench: bench, Metric: "allocs/op"})
	}
	ratio := func(name string, b Build, bench, peerName, peer, metric string) {
		defs = append(defs, Def{Name: fmt.Sprintf("%s-%s-vs-%s", name, b, peerName), Build: b, Bench: bench, Peer: peer, Metric: metric})
	}

	for _, b := range []Build{Checked, Release} {
		ns("clone-drop", b, "CloneDrop")
		ns("plain-clone-drop", b, "PlainCloneDrop")
		ns("atomic-clone-drop", b, "AtomicCloneDrop")
		ns("mutex-clone-drop", b, "MutexCloneDrop")
		ratio("clone-drop", b, "CloneDrop", "plain", "PlainCloneDrop", "ns/op")
		ratio("clone-drop", b, "CloneDrop", "atomic", "AtomicCloneDrop", "ns/op")
		ratio("clone-drop", b, "CloneDrop", "mutex", "MutexCloneDrop", "ns/op")

		ns("new-drop", b, "NewDrop")
		bytes("new-drop", b, "NewDrop")
		ns("plain-new-drop", b, "PlainNewDrop")
		bytes("plain-new-drop", b, "PlainNewDrop")
		ratio("new-drop", b, "NewDrop", "plain", "PlainNewDrop", "ns/op")

		ns("pool-new-drop", b, "PoolNewDrop")
		ns("sync-pool", b, "SyncPoolGetPut")
		ratio("pool-new-drop", b, "PoolNewDrop", "new-drop", "NewDrop", "ns/op")
		ratio("pool-new-drop", b, "PoolNewDrop", "plain", "PlainNewDrop", "ns/op")
		ratio("pool-new-drop", b, "PoolNewDrop", "sync-pool", "SyncPoolGetPut", "ns/op")

		ns("downgrade-drop", b, "DowngradeDrop")
		ns("std-weak-make", b, "StdWeakMake")
		ratio("downgrade-drop", b, "DowngradeDrop", "std-weak", "StdWeakMake", "ns/op")
		ns("upgrade-drop", b, "UpgradeDrop")
		ns("std-weak-value", b, "StdWeakValue")
		ratio("upgrade-drop", b, "UpgradeDrop", "std-weak", "StdWeakValue", "ns/op")
		ns("weak-clone-drop", b, "WeakCloneDrop")
	}

	// Pools: refpool's two patterns, per element. The ns figures are the
	// checked build's, each beside the collector's CPU time for the same
	// elements (gc-ns, chapter 16's cost model); the ratios to rc.New come
	// from both builds.
	for _, pattern := range []string{"AllocN", "ReallocN"} {
		for _, t := range []string{"int", "big"} {
			for _, n := range []int{1024, 131072} {
				sub := fmt.Sprintf("%s/%s/n=%d/", pattern, t, n)
				name := fmt.Sprintf("%s-%s-%d-", strings.ToLower(pattern), t, n)
				for _, impl := range []string{"heap", "rc", "pool"} {
					defs = append(defs, Def{Name: name + impl + "-checked-ns", Build: Checked, Bench: sub + impl, Metric: "ns/elem"})
					defs = append(defs, Def{Name: name + impl + "-checked-gc-ns", Build: Checked, Bench: sub + impl, Metric: "gc-ns/elem"})
				}
				for _, b := range []Build{Checked, Release} {
					ratio(name+"pool", b, sub+"pool", "rc", sub+"rc", "ns/elem")
				}
				if pattern == "AllocN" {
					ratio(name+"pool-empty", Checked, sub+"pool-empty", "rc", sub+"rc", "ns/elem")
				}
			}
		}
	}

	// Threads, uncontended.
	ns("arc-clone-drop", Checked, "ArcCloneDrop")
	ns("atomic-add-pair", Checked, "AtomicInt64AddPair")
	ratio("arc-clone-drop", Checked, "ArcCloneDrop", "atomic-add-pair", "AtomicInt64AddPair", "ns/op")
	ns("refcount-acquire-release", Checked, "RWReadUncontended/impl=RefCount")
	ns("rwmutex-rlock-runlock", Checked, "RWReadUncontended/impl=RWMutex")
	ratio("refcount-acquire-release", Checked, "RWReadUncontended/impl=RefCount", "rwmutex", "RWReadUncontended/impl=RWMutex", "ns/op")
	ns("rwlock-read-release", Checked, "RWReadUncontended/impl=RwLock")
	ratio("rwlock-read-release", Checked, "RWReadUncontended/impl=RwLock", "rwmutex", "RWReadUncontended/impl=RWMutex", "ns/op")

	// The reference-count map against a hand-counted map.
	for _, c := range []struct{ name, rcmap, peer string }{
		{"existing", "RcMapAcquireReleaseExisting", "RcMapPeerMutexMapAcquireReleaseExisting"},
		{"create-remove", "RcMapCreateRemove", "RcMapPeerMutexMapCreateRemove"},
	} {
		ns("rcmap-"+c.name, Checked, c.rcmap)
		bytes("rcmap-"+c.name, Checked, c.rcmap)
		allocs("rcmap-"+c.name, Checked, c.rcmap)
		ns("hand-map-"+c.name, Checked, c.peer)
		bytes("hand-map-"+c.name, Checked, c.peer)
		allocs("hand-map-"+c.name, Checked, c.peer)
		ratio("rcmap-"+c.name, Checked, c.rcmap, "hand-map", c.peer, "ns/op")
	}

	// Chapter 16's choice of tool: rcbook's handles beside the lifetime
	// tools of Go's standard library and x/sync (tools_bench_test.go).
	tool := func(job string) (goBench, rcbook string) {
		return "Tools/job=" + job + "/impl=go", "Tools/job=" + job + "/impl=rcbook"
	}
	goBench, rcbook := tool("cleanup")
	ns("add-cleanup", Checked, goBench)
	bytes("add-cleanup", Checked, goBench)
	ns("closer-new-close", Checked, rcbook)
	bytes("closer-new-close", Checked, rcbook)
	allocs("closer-new-close", Checked, rcbook)
	ratio("closer-new-close", Checked, rcbook, "add-cleanup", goBench, "ns/op")
	ns("clone-close", Checked, "ToolsCloneClose")
	ratio("clone-close", Checked, "ToolsCloneClose", "clone-drop", "CloneDrop", "ns/op")
	ratio("arc-clone-drop", Checked, "ArcCloneDrop", "clone-drop", "CloneDrop", "ns/op")
	goBench, rcbook = tool("c-handle")
	ns("cgo-handle", Checked, goBench)
	ns("raw-round-trip", Checked, rcbook)
	ratio("raw-round-trip", Checked, rcbook, "cgo-handle", goBench, "ns/op")
	goBench, _ = tool("intern")
	ns("unique-make-existing", Checked, goBench)
	ratio("rcmap-existing", Checked, "RcMapAcquireReleaseExisting", "unique-make", goBench, "ns/op")
	goBench, rcbook = tool("hold")
	ns("semaphore-acquire-release", Checked, goBench)
	ns("refcount-hold", Checked, rcbook)
	ratio("refcount-hold", Checked, rcbook, "semaphore", goBench, "ns/op")
	goBench, rcbook = tool("observe")
	ratio("weak-upgrade-drop", Checked, rcbook, "std-weak-value", goBench, "ns/op")
	return defs
}
