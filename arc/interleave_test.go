//go:build rcinterleave

package arc

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/lab/sched"
	"github.com/rcbook/rcbook/lab/sched/schedtest"
)

// The interleaving scenarios: two or three goroutines' operations on one
// allocation, explored step by step by `rcbook lab interleave`, which builds
// this package with every atomic operation yielding to the lab's scheduler
// (package lab/sched). Each scenario is a race the package's comments
// reason about; the checks are I1–I7 after every step, linearizability
// against spec below, and, at the end, exactly one destructor per value and
// no allocation leaked or freed twice.

func TestInterleave(t *testing.T) {
	schedtest.Run(t, "arc", arcScenarios)
}

// item is the value: GetMut and MakeMut write a, then b, with a step in
// between, so that a reader could see it half written. Its Drop counts.
type item struct {
	a, b  int
	drops *int
}

func (it item) Drop() { *it.drops++ }

// spec is the sequential specification: the counts of the allocation the
// scenario starts with, whether its value is there, and what each of the
// scenario's handle slots holds.
type spec struct {
	strong, weak int
	alive        bool
	arcs         [4]slot
	weaks        [4]bool
}

// slot is what a spec's Arc slot holds: nothing, a handle to the
// scenario's allocation, or one to another (MakeMut moved or cloned).
type slot uint8

const (
	empty slot = iota
	orig
	other
)

type arcWorld struct {
	orig    *box[item] // the allocation the scenario is about
	arcs    [4]Arc[item]
	weaks   [4]Weak[item]
	busy    map[any]bool       // the handles an operation in progress is working on
	borrows map[int]*box[item] // a thread's GetMut or MakeMut pointer, while it writes
	drops   int
	allocs  int // values made: 1, and one per MakeMut that clones or moves
	ends    int // values that left without their destructor: taken out, or moved by MakeMut
	live    int // LiveAllocations before the scenario
	threads [][]sched.Op
}

// setup is the state before the threads start: handles in slots, all to
// one allocation (unless the scenario makes it with NewCyclic).
type setup struct{ arcs, weaks int }

func newArcWorld(s setup) *arcWorld {
	w := &arcWorld{busy: map[any]bool{}, borrows: map[int]*box[item]{}, live: LiveAllocations()}
	sched.Name(&live, "live allocations")
	if s.arcs > 0 {
		w.arcs[0] = New(item{drops: &w.drops})
		w.setOrig(w.arcs[0].box)
		for i := 1; i < s.arcs; i++ {
			w.arcs[i] = w.arcs[0].Clone()
		}
		for i := range s.weaks {
			w.weaks[i] = Downgrade(&w.arcs[0])
		}
	}
	return w
}

func (w *arcWorld) setOrig(b *box[item]) {
	w.orig, w.allocs = b, 1
	sched.Name(&b.strong, "strong")
	sched.Name(&b.weak, "weak")
	sched.Name(&b.state, "state")
}

// named names the words of an allocation MakeMut made, the first time a
// check meets it.
func named(b *box[item]) {
	if sched.NameOf(&b.strong) == fmt.Sprintf("%T", &b.strong) {
		sched.Name(&b.strong, "new strong")
		sched.Name(&b.weak, "new weak")
		sched.Name(&b.state, "new state")
	}
}

func startSpec(s setup) spec {
	m := spec{strong: s.arcs, weak: s.weaks, alive: s.arcs > 0}
	for i := range s.arcs {
		m.arcs[i] = orig
	}
	for i := range s.weaks {
		m.weaks[i] = true
	}
	return m
}

func (w *arcWorld) Threads() [][]sched.Op { return w.threads }

// op makes an operation that works on the handles in use while it runs.
func (w *arcWorld) op(name string, use []any, run func() string, sp func(m spec) (spec, string)) sched.Op {
	o := sched.Op{Name: name, Run: func() string {
		for _, h := range use {
			w.busy[h] = true
		}
		defer func() {
			for _, h := range use {
				delete(w.busy, h)
			}
		}()
		return run()
	}}
	if sp != nil {
		o.Spec = func(s any) []sched.Outcome {
			m, r := sp(s.(spec))
			return []sched.Outcome{{State: m, Result: r}}
		}
	}
	return o
}

func (w *arcWorld) clone(i, j int) sched.Op {
	return w.op(fmt.Sprintf("a%d = a%d.Clone()", j, i), []any{&w.arcs[i], &w.arcs[j]},
		func() string { w.arcs[j] = w.arcs[i].Clone(); return "ok" },
		func(m spec) (spec, string) { m.strong++; m.arcs[j] = orig; return m, "ok" })
}

func (w *arcWorld) drop(i int) sched.Op {
	return w.op(fmt.Sprintf("a%d.Drop()", i), []any{&w.arcs[i]},
		func() string { w.arcs[i].Drop(); return "ok" },
		func(m spec) (spec, string) { return m.dropStrong(i), "ok" })
}

func (m spec) dropStrong(i int) spec {
	if m.arcs[i] != orig {
		m.arcs[i] = empty
		return m
	}
	m.strong--
	m.arcs[i] = empty
	if m.strong == 0 {
		m.alive = false
	}
	return m
}

// dropIf drops slot i if it holds a handle (an Upgrade into it succeeded).
func (w *arcWorld) dropIf(i int) sched.Op {
	return w.op(fmt.Sprintf("a%d.Drop() if held", i), []any{&w.arcs[i]},
		func() string {
			if w.arcs[i].IsEmpty() {
				return "empty"
			}
			w.arcs[i].Drop()
			return "ok"
		},
		func(m spec) (spec, string) {
			if m.arcs[i] == empty {
				return m, "empty"
			}
			return m.dropStrong(i), "ok"
		})
}

func (w *arcWorld) downgrade(i, k int) sched.Op {
	return w.op(fmt.Sprintf("w%d = Downgrade(a%d)", k, i), []any{&w.arcs[i], &w.weaks[k]},
		func() string { w.weaks[k] = Downgrade(&w.arcs[i]); return "ok" },
		func(m spec) (spec, string) { m.weak++; m.weaks[k] = true; return m, "ok" })
}

func (w *arcWorld) upgrade(k, j int) sched.Op {
	return w.op(fmt.Sprintf("a%d, ok = w%d.Upgrade()", j, k), []any{&w.weaks[k], &w.arcs[j]},
		func() string {
			var ok bool
			w.arcs[j], ok = w.weaks[k].Upgrade()
			if ok && (w.arcs[j].Get().a != w.arcs[j].Get().b) {
				panic(fmt.Sprintf("Upgrade handed out a half-written value %+v", *w.arcs[j].Get()))
			}
			return fmt.Sprint(ok)
		},
		func(m spec) (spec, string) {
			if !m.alive {
				return m, "false"
			}
			m.strong++
			m.arcs[j] = orig
			return m, "true"
		})
}

func (w *arcWorld) weakDrop(k int) sched.Op {
	return w.op(fmt.Sprintf("w%d.Drop()", k), []any{&w.weaks[k]},
		func() string { w.weaks[k].Drop(); return "ok" },
		func(m spec) (spec, string) { m.weak--; m.weaks[k] = false; return m, "ok" })
}

func (w *arcWorld) weakClone(k, l int) sched.Op {
	return w.op(fmt.Sprintf("w%d = w%d.Clone()", l, k), []any{&w.weaks[k], &w.weaks[l]},
		func() string { w.weaks[l] = w.weaks[k].Clone(); return "ok" },
		func(m spec) (spec, string) { m.weak++; m.weaks[l] = true; return m, "ok" })
}

func (w *arcWorld) weakCount(k int) sched.Op {
	return w.op(fmt.Sprintf("w%d.WeakCount()", k), []any{&w.weaks[k]},
		func() string { return fmt.Sprint(w.weaks[k].WeakCount()) },
		func(m spec) (spec, string) {
			if m.strong == 0 {
				return m, "0"
			}
			return m, fmt.Sprint(m.weak)
		})
}

func (w *arcWorld) arcWeakCount(i int) sched.Op {
	return w.op(fmt.Sprintf("a%d.WeakCount()", i), []any{&w.arcs[i]},
		func() string { return fmt.Sprint(w.arcs[i].WeakCount()) },
		func(m spec) (spec, string) { return m, fmt.Sprint(m.weak) })
}

// write writes through a mutable pointer in two steps, as a borrow of b by
// thread t: while it lasts, nothing else may reach b (I6).
func (w *arcWorld) write(t int, b *box[item], p *item) {
	w.borrows[t] = b
	p.a++
	sched.Point("write a, then b")
	p.b++
	delete(w.borrows, t)
}

func (w *arcWorld) getMut(t, i int) sched.Op {
	return w.op(fmt.Sprintf("a%d.GetMut()", i), []any{&w.arcs[i]},
		func() string {
			p, ok := w.arcs[i].GetMut()
			if ok {
				w.write(t, w.arcs[i].box, p)
			}
			return fmt.Sprint(ok)
		},
		func(m spec) (spec, string) { return m, fmt.Sprint(m.strong == 1 && m.weak == 0) })
}

func (w *arcWorld) makeMut(t, i int) sched.Op {
	o := w.op(fmt.Sprintf("a%d.MakeMut(clone)", i), []any{&w.arcs[i]},
		func() string {
			before, cloned := w.arcs[i].box, false
			p := w.arcs[i].MakeMut(func(v item) item { cloned = true; return v })
			how := "in place"
			switch {
			case cloned:
				how = "cloned"
				w.allocs++
			case w.arcs[i].box != before:
				how = "moved"
				w.allocs++
				w.ends++
			}
			w.write(t, w.arcs[i].box, p)
			return how
		},
		nil)
	o.Spec = func(s any) []sched.Outcome {
		m := s.(spec)
		moved := m
		moved.strong, moved.alive, moved.arcs[i] = 0, false, other
		switch {
		case m.strong == 1 && m.weak == 0:
			// A handle that went just before MakeMut looked may still
			// lead to a move: no handle is left to tell the difference.
			return []sched.Outcome{{State: m, Result: "in place"}, {State: moved, Result: "moved"}}
		case m.strong == 1:
			return []sched.Outcome{{State: moved, Result: "moved"}}
		}
		m.strong--
		m.arcs[i] = other
		return []sched.Outcome{{State: m, Result: "cloned"}}
	}
	return o
}

func (w *arcWorld) tryUnwrap(i int) sched.Op {
	return w.op(fmt.Sprintf("a%d.TryUnwrap()", i), []any{&w.arcs[i]},
		func() string {
			_, ok := w.arcs[i].TryUnwrap()
			if ok {
				w.ends++
			}
			return fmt.Sprint(ok)
		},
		func(m spec) (spec, string) {
			if m.strong != 1 {
				return m, "false"
			}
			m.strong, m.alive, m.arcs[i] = 0, false, empty
			return m, "true"
		})
}

func (w *arcWorld) intoInner(i int) sched.Op {
	return w.op(fmt.Sprintf("a%d.IntoInner()", i), []any{&w.arcs[i]},
		func() string {
			_, ok := w.arcs[i].IntoInner()
			if ok {
				w.ends++
			}
			return fmt.Sprint(ok)
		},
		func(m spec) (spec, string) {
			m.strong--
			m.arcs[i] = empty
			if m.strong == 0 {
				m.alive = false
				return m, "true"
			}
			return m, "false"
		})
}

// Observe is the counts of the scenario's allocation at the end.
func (w *arcWorld) Observe() sched.Op {
	return sched.Op{Name: "counts at the end", Run: func() string {
		if w.orig == nil {
			return "none"
		}
		s, wk := w.orig.strong.Load(), w.orig.weak.Load()
		if s > 0 {
			wk-- // the implicit weak (I4)
		}
		return fmt.Sprintf("strong %d, weak %d, alive %t", s, wk, w.orig.loadState() == invariants.Alive)
	}, Spec: func(s any) []sched.Outcome {
		m := s.(spec)
		return []sched.Outcome{{State: m, Result: fmt.Sprintf("strong %d, weak %d, alive %t", m.strong, m.weak, m.alive)}}
	}}
}

// Check is I1–I7 on every allocation a handle or a borrow reaches, between
// any two steps.
func (w *arcWorld) Check() error {
	var boxes []*box[item] // in a fixed order, so that the first error is the same on every run
	add := func(b *box[item]) {
		if b != nil && !slices.Contains(boxes, b) {
			boxes = append(boxes, b)
			named(b)
		}
	}
	add(w.orig)
	strongHeld, weakHeld := map[*box[item]]int{}, map[*box[item]]int{}
	for i := range w.arcs {
		if b := w.arcs[i].box; b != nil && !w.busy[&w.arcs[i]] {
			add(b)
			strongHeld[b]++
		}
	}
	for i := range w.weaks {
		if b := w.weaks[i].box; b != nil && !w.busy[&w.weaks[i]] {
			add(b)
			weakHeld[b]++
		}
	}
	for t := range 3 {
		add(w.borrows[t])
	}
	var errs []error
	for _, b := range boxes {
		s, wk, st := b.strong.Load(), b.weak.Load(), b.loadState()
		bad := func(rule, format string, args ...any) {
			errs = append(errs, fmt.Errorf("%s: %s (strong %d, weak %d, %v)", rule, fmt.Sprintf(format, args...), s, wk, st))
		}
		switch {
		case s < 0 || (wk < 0 && wk != weakLocked):
			bad("I1", "a count is negative")
		case s > 0 && st != invariants.Alive:
			bad("I2", "strong is above 0 but the value is not alive")
		case s > 0 && wk == 0:
			bad("I4", "strong handles live without the implicit weak")
		case st == invariants.Freed && (s != 0 || wk != 0):
			bad("I5", "freed with a count above 0")
		case int64(strongHeld[b]) > s:
			bad("I1", "%d strong handles are held but strong counts fewer", strongHeld[b])
		case strongHeld[b] > 0 && st != invariants.Alive:
			bad("I7", "a strong handle is held to a value that is gone")
		case wk != weakLocked && int64(weakHeld[b]) > wk-min(s, 1):
			bad("I1", "%d Weaks are held but weak counts fewer", weakHeld[b])
		case weakHeld[b] > 0 && st == invariants.Freed:
			bad("I5", "a Weak is held to a freed allocation")
		}
	}
	for t := range 3 {
		b := w.borrows[t]
		if b == nil {
			continue
		}
		if s, wk := b.strong.Load(), b.weak.Load(); s != 1 || wk != 1 {
			errs = append(errs, fmt.Errorf("I6: T%d writes through GetMut or MakeMut while other handles reach the value (strong %d, weak %d)", t, s, wk))
		}
	}
	return errors.Join(errs...)
}

// Final drops every handle left and checks that each value was dropped
// exactly once (I2) and every allocation freed exactly once (I3, I5).
func (w *arcWorld) Final() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("dropping the handles left at the end panicked: %v", r)
		}
	}()
	for i := range w.arcs {
		if !w.arcs[i].IsEmpty() {
			w.arcs[i].Drop()
		}
	}
	for i := range w.weaks {
		if w.weaks[i].box != nil {
			w.weaks[i].Drop()
		}
	}
	if want := w.allocs - w.ends; w.drops != want {
		return fmt.Errorf("I2: %d destructors ran for %d values, when every handle was gone", w.drops, want)
	}
	if n := LiveAllocations() - w.live; n != 0 {
		return fmt.Errorf("I3, I5: %d allocations still live (or freed twice if negative) when every handle was gone", n)
	}
	return nil
}

// Snapshot is the counts and state of every allocation and what each slot
// holds, for recognizing states seen before.
func (w *arcWorld) Snapshot() string {
	var sb strings.Builder
	ids := map[*box[item]]int{}
	id := func(b *box[item]) int {
		if b == nil {
			return -1
		}
		if _, ok := ids[b]; !ok {
			ids[b] = len(ids)
			fmt.Fprintf(&sb, "[%d %d %d %+v]", b.strong.Load(), b.weak.Load(), b.state.Load(), [2]int{b.value.a, b.value.b})
		}
		return ids[b]
	}
	id(w.orig)
	for i := range w.arcs {
		fmt.Fprintf(&sb, "a%d", id(w.arcs[i].box))
	}
	for i := range w.weaks {
		fmt.Fprintf(&sb, "w%d", id(w.weaks[i].box))
	}
	for t := range 3 {
		if b := w.borrows[t]; b != nil {
			fmt.Fprintf(&sb, "b%d:%d", t, id(b))
		}
	}
	fmt.Fprintf(&sb, "|%d %d %d %d", w.drops, w.allocs, w.ends, len(w.busy))
	return sb.String()
}

// scenario makes a scenario from a setup and the threads' operations.
func scenario(name string, s setup, threads func(w *arcWorld) [][]sched.Op) sched.Scenario {
	return sched.Scenario{Name: name, Model: startSpec(s), New: func() sched.World {
		w := newArcWorld(s)
		w.threads = threads(w)
		return w
	}}
}

var arcScenarios = []sched.Scenario{
	scenario("clone/drop", setup{arcs: 2}, func(w *arcWorld) [][]sched.Op {
		return [][]sched.Op{{w.drop(0)}, {w.clone(1, 2), w.drop(2), w.drop(1)}}
	}),
	scenario("upgrade/last drop", setup{arcs: 1, weaks: 1}, func(w *arcWorld) [][]sched.Op {
		return [][]sched.Op{{w.drop(0)}, {w.upgrade(0, 1), w.dropIf(1), w.weakDrop(0)}}
	}),
	scenario("downgrade/weak clone", setup{arcs: 1, weaks: 1}, func(w *arcWorld) [][]sched.Op {
		return [][]sched.Op{{w.downgrade(0, 1), w.weakDrop(1)}, {w.weakClone(0, 2), w.weakDrop(2), w.weakDrop(0)}}
	}),
	scenario("weak count/last drop", setup{arcs: 1, weaks: 2}, func(w *arcWorld) [][]sched.Op {
		return [][]sched.Op{{w.drop(0)}, {w.weakCount(0)}}
	}),
	scenario("arc weak count/downgrade", setup{arcs: 2}, func(w *arcWorld) [][]sched.Op {
		return [][]sched.Op{{w.arcWeakCount(0)}, {w.downgrade(1, 0), w.weakDrop(0)}}
	}),
	scenario("try unwrap/upgrade", setup{arcs: 1, weaks: 1}, func(w *arcWorld) [][]sched.Op {
		return [][]sched.Op{{w.tryUnwrap(0)}, {w.upgrade(0, 1), w.dropIf(1)}}
	}),
	scenario("make mut/upgrade", setup{arcs: 1, weaks: 1}, func(w *arcWorld) [][]sched.Op {
		return [][]sched.Op{{w.makeMut(0, 0), w.drop(0)}, {w.upgrade(0, 1), w.dropIf(1)}}
	}),
	scenario("make mut/clone drop", setup{arcs: 2}, func(w *arcWorld) [][]sched.Op {
		return [][]sched.Op{{w.makeMut(0, 0), w.drop(0)}, {w.drop(1)}}
	}),
	scenario("get mut/upgrade and weak drop", setup{arcs: 1, weaks: 1}, func(w *arcWorld) [][]sched.Op {
		return [][]sched.Op{{w.getMut(0, 0)}, {w.upgrade(0, 1), w.weakDrop(0), w.dropIf(1)}}
	}),
	scenario("get mut/downgrade and drop", setup{arcs: 2}, func(w *arcWorld) [][]sched.Op {
		return [][]sched.Op{{w.getMut(0, 0)}, {w.downgrade(1, 0), w.drop(1), w.weakDrop(0)}}
	}),
	scenario("into inner/into inner", setup{arcs: 2}, func(w *arcWorld) [][]sched.Op {
		return [][]sched.Op{{w.intoInner(0)}, {w.intoInner(1)}}
	}),
	scenario("drop/clone/upgrade", setup{arcs: 2, weaks: 1}, func(w *arcWorld) [][]sched.Op {
		return [][]sched.Op{{w.drop(0)}, {w.clone(1, 2), w.drop(2), w.drop(1)}, {w.upgrade(0, 3), w.dropIf(3), w.weakDrop(0)}}
	}),
	{Name: "new cyclic/upgrade", New: func() sched.World { return newCyclicWorld() }},
}

// newCyclicWorld: T0 builds a value with NewCyclic, whose build function
// hands a Weak to T1 through slot w1; T1 upgrades it as soon as it can.
// The Upgrade must fail while the value is being built and, once it
// succeeds, see the whole value (I7); no spec, since the allocation does
// not exist when the scenario starts.
func newCyclicWorld() *arcWorld {
	w := newArcWorld(setup{})
	build := w.op("a0 = NewCyclic(build)", []any{&w.arcs[0]}, func() string {
		w.arcs[0] = NewCyclic(func(self *Weak[item]) item {
			w.setOrig(self.box)
			w.weaks[1] = self.Clone()
			return item{a: 1, b: 1, drops: &w.drops}
		})
		return "ok"
	}, nil)
	wait := sched.Op{Name: "wait for w1", Run: func() string {
		sched.WaitUntil("wait for w1", func() bool { return w.weaks[1].box != nil })
		return "ok"
	}}
	up := w.upgrade(1, 1)
	up.Spec = nil
	w.threads = [][]sched.Op{{build, w.drop(0)}, {wait, up, w.dropIf(1), w.weakDrop(1)}}
	for _, th := range w.threads {
		for i := range th {
			th[i].Spec = nil
		}
	}
	return w
}
