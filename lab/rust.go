package lab

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/rcbook/rcbook/invariants/model"
	"github.com/rcbook/rcbook/rc"
)

// Comparing with Rust's std: the model of invariants/model is rcbook's own
// reading of Rust's Rc; if that reading were wrong, every check against it
// would confirm a wrong belief. So the lab replays sequences on Rust
// itself. rcdiff (lab/rust/rcdiff.rs, std only) takes each sequence on
// std::rc::{Rc, Weak}, or on std::sync::{Arc, Weak} on one thread, and
// prints after every step its answer, every handle's counts and value, the
// drop journal and the allocations alive; the same sequence runs here on
// the model and on the library (rc through Rc, arc through Arc), and the
// three must print the same line at every step.

// RustFamily is one of rcbook's implementations compared with Rust's std,
// and the family rcdiff replays it on.
type RustFamily struct {
	Name string     // "rc", "pool" or "arc"
	Rust string     // rcdiff's family: "rc" (std::rc) or "arc" (std::sync, one thread)
	Impl model.Impl // Rc{}, Rc{Pool: ...} or Arc{}
}

// RustFamilies are the families `rcbook lab rust` compares: rc with headers
// from the heap, rc with headers from a pool of two (so that headers are
// reused, as the pooled explorer has them), and arc.
var RustFamilies = []RustFamily{
	{"rc", "rc", Rc{}},
	{"pool", "rc", Rc{Pool: rc.NewPool[model.Value](2, nil)}},
	{"arc", "arc", Arc{}},
}

// RustRun is what one comparison covered: every sequence agreed.
type RustRun struct {
	Family    string
	What      string // "explorer, depth 6", "random, 200 of 100 steps, seed 7"
	Sequences int    // sequences compared
	Steps     int    // steps compared, the final drops included
	LeftOut   int    // sequences left out: they take a step Rust cannot (see expressible)
	Elapsed   time.Duration
}

func (r RustRun) String() string {
	line := fmt.Sprintf("%s, %s: %d sequences, %d steps agree", r.Family, r.What, r.Sequences, r.Steps)
	if r.LeftOut > 0 {
		line += fmt.Sprintf(" (%d sequences with a step Rust cannot take left out)", r.LeftOut)
	}
	return line + fmt.Sprintf(" (%s)", r.Elapsed.Round(time.Millisecond))
}

// Divergence is the first step at which Rust's std, the model and the
// library did not all show the same thing, or the library broke a rule of
// the model on its own (Violation set, Step -1).
type Divergence struct {
	Family    string
	Std       string   // rcdiff's family it was replayed on: "rc" or "arc"
	Rcdiff    string   // the rcdiff binary that replayed it
	Trace     []string // the sequence, one Go statement a step
	Input     string   // the sequence in rcdiff's input language, to replay it
	Step      int      // index into Trace of the step after which they differ (the last: at the end)
	Rust      string   // what each showed after it (lab/rust/rcdiff.rs explains the format)
	Model     string
	Library   string
	Violation *model.Violation
}

func (d *Divergence) String() string {
	var b strings.Builder
	if d.Violation != nil {
		fmt.Fprintf(&b, "%s: the library disagrees with the model before Rust is asked:\n%v\n", d.Family, d.Violation)
		return b.String()
	}
	fmt.Fprintf(&b, "%s: Rust's std, the model and the library differ after step %d:\n", d.Family, d.Step+1)
	for i, line := range d.Trace {
		mark := "  "
		if i == d.Step {
			mark = "> "
		}
		fmt.Fprintf(&b, "%s%2d  %s\n", mark, i+1, line)
	}
	fmt.Fprintf(&b, "  rust:    %s\n  model:   %s\n  library: %s\n", d.Rust, d.Model, d.Library)
	fmt.Fprintf(&b, "replay it on Rust: %s %s <<'EOF'\n%sEOF\n", d.Rcdiff, d.Std, d.Input)
	return b.String()
}

// compare checks Rust's lines for t (one a step, then the end line)
// against the model's and the library's. Both of those hold nothing at the
// end: every sequence ends with the drop of every handle.
func (t *trial) compare(f RustFamily, rust []string) *Divergence {
	for i := range t.steps {
		if rust[i] != t.model[i] || t.model[i] != t.library[i] {
			return &Divergence{Family: f.Name, Std: f.Rust, Trace: t.trace, Input: t.input(), Step: i,
				Rust: rust[i], Model: t.model[i], Library: t.library[i]}
		}
	}
	if end := rust[len(t.steps)]; end != "end" {
		return &Divergence{Family: f.Name, Std: f.Rust, Trace: t.trace, Input: t.input(), Step: len(t.steps) - 1,
			Rust: end, Model: "end", Library: "end"}
	}
	return nil
}

// rustBatch is how many sequences go to rcdiff between flushes.
const rustBatch = 256

// compareWithRust runs every trial produce makes on one rcdiff process, in
// batches, reading Rust's lines while the next trials are written, and
// stops at the first divergence. produce calls emit with each trial and
// stops when emit returns false.
func compareWithRust(bin string, f RustFamily, produce func(emit func(trial) bool)) (run RustRun, div *Divergence, err error) {
	start := time.Now()
	family := f.Name
	run.Family = family
	p, err := startRust(bin, f.Rust)
	if err != nil {
		return run, nil, err
	}
	trials := make(chan trial, 4*rustBatch) // more than a batch: see flush
	stop := make(chan struct{})
	var werr error
	go func() {
		defer close(trials)
		n := 0
		produce(func(t trial) bool {
			if t.violation == nil {
				if werr = p.send(t.input()); werr != nil {
					return false
				}
			}
			select {
			case trials <- t:
			case <-stop:
				return false
			}
			if n++; n%rustBatch == 0 {
				if werr = p.flush(); werr != nil {
					return false
				}
			}
			return t.violation == nil
		})
		if werr == nil {
			werr = p.flush()
		}
	}()
	for t := range trials {
		if t.violation != nil {
			div = &Divergence{Family: family, Std: f.Rust, Trace: t.trace, Step: -1, Violation: t.violation}
			break
		}
		var lines []string
		if lines, err = p.receive(len(t.steps)); err != nil {
			break
		}
		if div = t.compare(f, lines); div != nil {
			div.Rcdiff = bin
			break
		}
		run.Sequences++
		run.Steps += len(t.steps)
	}
	if div != nil || err != nil {
		close(stop)
		p.kill()
		for range trials { // let the writer finish
		}
		return run, div, err
	}
	if err = p.close(); err == nil {
		err = werr
	}
	run.Elapsed = time.Since(start)
	return run, nil, err
}

// CompareExplored replays on Rust every sequence the explorer runs on
// family to depth, over the lab's Universe, but those with a step Rust
// cannot take (see expressible): taking the step out would change what
// the steps after it mean, so the whole sequence is left out.
func CompareExplored(bin string, family RustFamily, depth int) (RustRun, *Divergence, error) {
	cfg := Universe
	cfg.Depth = depth
	// The misuse steps and the flags Rust has no counterpart for are not
	// even explored: they would multiply the sequences only to leave them
	// out. The overflow probe is, so that a violation it finds is reported.
	cfg.Filter = func(s model.Step) bool { return expressible(s) || s.Op == model.OpProbeOverflow }
	leftOut := 0
	var explored model.ExploreResult
	run, div, err := compareWithRust(bin, family, func(emit func(trial) bool) {
		explored = model.Sequences(family.Impl, cfg, func(steps []model.Step) bool {
			for _, s := range steps {
				if !expressible(s) {
					leftOut++
					return true
				}
			}
			return emit(runTrial(family.Impl, replay(steps)))
		})
	})
	run.What, run.LeftOut = fmt.Sprintf("explorer, depth %d", depth), leftOut
	if v := explored.Violation; v != nil && div == nil && err == nil {
		// Found by the explorer itself, in a sequence left out here.
		div = &Divergence{Family: family.Name, Std: family.Rust, Trace: v.Trace, Step: -1, Violation: v}
	}
	return run, div, err
}

// CompareRandom replays on Rust n random sequences of length steps each
// (then the drop of every handle left), the i-th drawn from a PCG seeded
// with (seed, i): a run is reproduced by its seed.
func CompareRandom(bin string, family RustFamily, n, length int, seed uint64) (RustRun, *Divergence, error) {
	run, div, err := compareWithRust(bin, family, func(emit func(trial) bool) {
		for i := range n {
			r := rand.New(rand.NewPCG(seed, uint64(i)))
			taken := 0
			t := runTrial(family.Impl, func(s *model.Session) (model.Step, bool) {
				if taken == length {
					return model.Step{}, false
				}
				taken++
				return randomStep(s, r.IntN), true
			})
			if !emit(t) {
				return
			}
		}
	})
	run.What = fmt.Sprintf("random, %d of %d steps, seed %d", n, length, seed)
	return run, div, err
}
