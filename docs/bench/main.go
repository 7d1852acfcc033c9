// Command bench measures rcbook against Rust's std and against its Go peers,
// and writes the generated part of docs/benchmarks.md and its plot:
//
//	go run ./docs/bench                       # 6 rounds of 1s per benchmark: about 15 minutes
//	go run ./docs/bench -rounds 3 -benchtime 0.3s   # a quicker, noisier look
//
// It compiles docs/bench/pairs.rs with `rustc -O` (std only) and the Go
// benchmarks (./benchmarks) twice, checked and with -tags rcrelease. A
// round runs every group of related benchmarks (groups) in the three
// programs in turn, rotating which goes first, so that the figures a ratio
// divides were taken seconds apart. A ratio is the median over rounds of
// the ratio within a round; the spread beside it is the lowest and highest
// of those ratios.
//
// The command needs rustc on PATH. It rewrites only what lies between the
// markers <!-- bench:begin --> and <!-- bench:end --> in the page, and the
// SVG file it names.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"
)

func main() {
	rounds := flag.Int("rounds", 6, "rounds of Rust, checked Go and release Go runs")
	benchtime := flag.Duration("benchtime", time.Second, "time per benchmark and per Rust pair")
	page := flag.String("page", "docs/benchmarks.md", "the page whose generated section is rewritten")
	svg := flag.String("svg", "docs/benchmarks-ratios.svg", "the plot to write")
	flag.Parse()
	if err := run(*rounds, *benchtime, *page, *svg); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// run measures, then writes the page's section and the plot.
func run(rounds int, benchtime time.Duration, page, svg string) error {
	if rounds < 1 {
		return fmt.Errorf("-rounds must be at least 1, not %d", rounds)
	}
	dir, err := os.MkdirTemp("", "rcbook-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	progs, err := build(dir)
	if err != nil {
		return err
	}
	res := newResults()
	for r := range rounds {
		fmt.Fprintf(os.Stderr, "round %d/%d\n", r+1, rounds)
		for gi, g := range groups {
			for i := range progs {
				p := progs[(r+gi+i)%len(progs)] // rotate who goes first
				samples, ok, err := p.run(g, benchtime)
				if err != nil {
					return fmt.Errorf("round %d, %s, %s: %w", r+1, p.build, g.goPattern, err)
				}
				if ok {
					res.add(r, p.build, samples)
				}
			}
		}
	}
	env := describe(rounds, benchtime)
	section := render(res, env, svgName(page, svg))
	if err := splice(page, section); err != nil {
		return err
	}
	return os.WriteFile(svg, []byte(plot(res)), 0o644)
}
