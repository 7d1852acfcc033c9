package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// pair is one row of the table against Rust: a Go benchmark and the Rust
// pair it is read against.
type pair struct {
	label    string
	short    string // the label in the plot
	goName   string
	goUnit   string // the Go metric: ns/op, or ns/node for the chain
	rustName string
	target   string // the target, checked / release, as ratios to Rust
}

var rustPairs = []pair{
	{"Clone+Drop", "Clone+Drop", "CloneDrop", "ns/op", "clone_drop", "≤ 2.5× / ≤ 1.6×"},
	{"Upgrade+Drop", "Upgrade+Drop", "UpgradeDrop", "ns/op", "upgrade_drop", "≤ 3.0× / ≤ 2.0×"},
	{"Downgrade+Drop", "Downgrade+Drop", "DowngradeDrop", "ns/op", "downgrade_drop", "≤ 3.0× / ≤ 2.0×"},
	{"Weak Clone+Drop", "Weak Clone+Drop", "WeakCloneDrop", "ns/op", "weak_clone_drop", "≤ 3.0× / ≤ 2.0×"},
	{"New+Drop", "New+Drop", "NewDrop", "ns/op", "new_drop", "—"},
	{"pooled New+Drop, against `Rc::new`+drop", "pooled New+Drop", "PoolNewDrop", "ns/op", "new_drop", "— / ≤ 1.0×"},
	{"drop of a 10⁶-node list, per node", "10⁶-node list drop", "DropChain", "ns/node", "drop_chain", "≤ 50 ns per node"},
}

// peer is one row of the table against Go peers.
type peer struct {
	label, name, peerLabel, peerName, target string
}

var goPeers = []peer{
	{"`refcount` shared Acquire+Release", "RWReadUncontended/impl=RefCount",
		"`sync.RWMutex` RLock+RUnlock", "RWReadUncontended/impl=RWMutex", "≤ 1.1×"},
	{"`refcount`, 2 goroutines, 95 % reads (time per operation)", "RWMixed95/impl=RefCount",
		"`sync.RWMutex`, the same mix", "RWMixed95/impl=RWMutex", "≤ 1.0×"},
	{"`refcount`, readers only, every processor", "RWReadContended/impl=RefCount",
		"`sync.RWMutex`, readers only", "RWReadContended/impl=RWMutex", "—"},
	{"`rcmap` Acquire+Release, existing key", "RcMapAcquireReleaseExisting",
		"mutex + hand-counted map", "RcMapPeerMutexMapAcquireReleaseExisting", "≤ 1.5×"},
}

var liveCounts = []int{1, 10, 1000, 100_000}

// render writes the generated section of the page.
func render(res *results, env, svg string) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("%s\n\n", env)
	w("![Ratios to Rust's std, and Clone+Drop over more and more live allocations](%s)\n\n", svg)

	w("### Against Rust's std, same run\n\n")
	w("| pair | Rust | checked | `rcrelease` | checked / Rust | `rcrelease` / Rust | target (checked / release) |\n")
	w("|---|---|---|---|---|---|---|\n")
	for _, p := range rustPairs {
		rs := ref{rust, p.rustName, "ns/op"}
		ch := ref{checked, p.goName, p.goUnit}
		rl := ref{release, p.goName, p.goUnit}
		w("| %s | %s | %s | %s | %s | %s | %s |\n", p.label,
			ns(res.value(rs.build, rs.name, rs.unit)), ns(res.value(ch.build, ch.name, ch.unit)),
			ns(res.value(rl.build, rl.name, rl.unit)), times(res.ratio(ch, rs)), times(res.ratio(rl, rs)), p.target)
	}
	w("\nTimes are medians over the rounds; a ratio is the median of the rounds' ratios, with the lowest and highest in brackets.\n\n")

	w("### Against Go peers, same run\n\n")
	w("| operation | checked | `rcrelease` | peer | peer (checked run) | checked / peer | `rcrelease` / peer | target |\n")
	w("|---|---|---|---|---|---|---|---|\n")
	for _, p := range goPeers {
		w("| %s | %s | %s | %s | %s | %s | %s | %s |\n", p.label,
			ns(res.value(checked, p.name, "ns/op")), ns(res.value(release, p.name, "ns/op")), p.peerLabel,
			ns(res.value(checked, p.peerName, "ns/op")),
			times(res.ratio(ref{checked, p.name, "ns/op"}, ref{checked, p.peerName, "ns/op"})),
			times(res.ratio(ref{release, p.name, "ns/op"}, ref{release, p.peerName, "ns/op"})), p.target)
	}

	w("\n### Clone+Drop over many live allocations\n\n")
	w("Each pair clones and drops a handle to one of n live allocations, visited in a fixed shuffled order (the same in both languages).\n\n")
	w("| live allocations | Rust | checked | `rcrelease` | checked / Rust | `rcrelease` / Rust |\n")
	w("|---|---|---|---|---|---|\n")
	for _, n := range liveCounts {
		g, r := fmt.Sprintf("CloneDropLive/n=%d", n), fmt.Sprintf("clone_drop_live/n=%d", n)
		w("| %s | %s | %s | %s | %s | %s |\n", thousands(n),
			ns(res.value(rust, r, "ns/op")), ns(res.value(checked, g, "ns/op")), ns(res.value(release, g, "ns/op")),
			times(res.ratio(ref{checked, g, "ns/op"}, ref{rust, r, "ns/op"})),
			times(res.ratio(ref{release, g, "ns/op"}, ref{rust, r, "ns/op"})))
	}

	w("\n### New+Drop's allocation profile\n\n")
	w("| benchmark | checked | B/op | allocs/op | `rcrelease` | B/op | allocs/op |\n")
	w("|---|---|---|---|---|---|---|\n")
	for _, row := range [][2]string{{"`rc.New`+Drop", "NewDrop"}, {"pooled New+Drop, warm pool", "PoolNewDrop"}, {"plain heap box (peer)", "PlainNewDrop"}} {
		w("| %s |", row[0])
		for _, build := range []string{checked, release} {
			w(" %s | %s | %s |", ns(res.value(build, row[1], "ns/op")),
				count(res.value(build, row[1], "B/op")), count(res.value(build, row[1], "allocs/op")))
		}
		w("\n")
	}

	w("\n### Dropping a long list, per node\n\n")
	w("Each node owns the next. Queued: the nodes' destructors hand their successor to the drop in progress (`DropInto`), a million nodes. ")
	w("Nested: they call `Drop` on it, so the destructors run one inside the other; a hundred thousand nodes, since a million grow the stack to 512 MiB. ")
	w("Rust: `pairs.rs` drops a million nodes with the loop Rust programmers write. CPU is the process's CPU time per node, garbage collector included; ")
	w("stack is how far the goroutine stacks grew while dropping, checked build.\n\n")
	w("| drop | checked | checked, CPU | `rcrelease` | `rcrelease`, CPU | stack | Rust |\n|---|---|---|---|---|---|---|\n")
	for _, row := range []struct{ label, name, rust string }{
		{"queued, 10⁶ nodes", "DropChain", ns(res.value(rust, "drop_chain", "ns/op"))},
		{"nested, 10⁵ nodes", "DropChainNested", "—"},
	} {
		w("| %s | %s | %s | %s | %s | %s | %s |\n", row.label,
			ns(res.value(checked, row.name, "ns/node")), ns(res.value(checked, row.name, "cpu-ns/node")),
			ns(res.value(release, row.name, "ns/node")), ns(res.value(release, row.name, "cpu-ns/node")),
			mib(res.value(checked, row.name, "stack-MiB")), row.rust)
	}

	w("\n### What the checks cost\n\n")
	w("Checked build over `rcrelease` build, the same benchmark in the same round.\n\n")
	w("| benchmark | checked / `rcrelease` |\n|---|---|\n")
	for _, p := range rustPairs {
		w("| %s | %s |\n", p.label, times(res.ratio(ref{checked, p.goName, p.goUnit}, ref{release, p.goName, p.goUnit})))
	}
	g := "CloneDropLive/n=100000"
	w("| Clone+Drop over 100 000 live allocations | %s |\n", times(res.ratio(ref{checked, g, "ns/op"}, ref{release, g, "ns/op"})))
	return b.String()
}

// ns formats a median time.
func ns(s stat) string {
	if !s.ok() {
		return "—"
	}
	return sig3(s.median) + " ns"
}

// times formats a ratio with its spread.
func times(s stat) string {
	if !s.ok() {
		return "—"
	}
	if s.n == 1 {
		return fmt.Sprintf("**%.2f×**", s.median)
	}
	return fmt.Sprintf("**%.2f×** (%.2f–%.2f)", s.median, s.low, s.high)
}

// mib formats a median size in MiB.
func mib(s stat) string {
	if !s.ok() {
		return "—"
	}
	return fmt.Sprintf("%.1f MiB", s.median)
}

// count formats a B/op or allocs/op median.
func count(s stat) string {
	if !s.ok() {
		return "—"
	}
	return fmt.Sprintf("%.0f", s.median)
}

// sig3 formats x with three significant digits.
func sig3(x float64) string {
	switch {
	case x >= 100:
		return fmt.Sprintf("%.0f", x)
	case x >= 10:
		return fmt.Sprintf("%.1f", x)
	default:
		return fmt.Sprintf("%.2f", x)
	}
}

// thousands writes n with a thin space between groups of three digits.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + " " + s[i:]
	}
	return s
}

const beginMarker, endMarker = "<!-- bench:begin -->", "<!-- bench:end -->"

// splice replaces what lies between the page's markers with section.
func splice(page, section string) error {
	old, err := os.ReadFile(page)
	if err != nil {
		return err
	}
	updated, err := spliced(old, section)
	if err != nil {
		return fmt.Errorf("%s: %w", page, err)
	}
	return os.WriteFile(page, updated, 0o644)
}

func spliced(old []byte, section string) ([]byte, error) {
	before, rest, ok := bytes.Cut(old, []byte(beginMarker))
	if !ok {
		return nil, fmt.Errorf("no %s marker", beginMarker)
	}
	_, after, ok := bytes.Cut(rest, []byte(endMarker))
	if !ok {
		return nil, fmt.Errorf("no %s marker after %s", endMarker, beginMarker)
	}
	var b bytes.Buffer
	b.Write(before)
	b.WriteString(beginMarker + "\n")
	b.WriteString(section)
	b.WriteString(endMarker)
	b.Write(after)
	return b.Bytes(), nil
}

// svgName is the plot's path as the page links it.
func svgName(page, svg string) string {
	rel, err := filepath.Rel(filepath.Dir(page), svg)
	if err != nil {
		return svg
	}
	return filepath.ToSlash(rel)
}
