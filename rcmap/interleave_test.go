//go:build rcinterleave

package rcmap

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/rcbook/rcbook/lab/sched"
	"github.com/rcbook/rcbook/lab/sched/schedtest"
)

// The interleaving scenarios: handles to one key acquired, joined, cloned,
// counted and released on two goroutines, explored step by step by `rcbook
// lab interleave`, which builds this package with Lock and Unlock yielding to
// the lab's scheduler (package lab/sched) and every access to entries and
// count checked to hold mu (the package's one rule). After every step with
// mu free, every entry in the map has count >= 1 and every handle's entry
// is its key's entry; the results must be linearizable against spec; at
// the end the map is empty and the cleanup ran once per entry made.

func TestInterleave(t *testing.T) {
	schedtest.Run(t, "rcmap", rcmapScenarios)
}

const key = "k"

// spec is the sequential specification of one key: its entry's count,
// the entries made and cleaned up, and which handle slots hold one.
type spec struct {
	count, made, cleaned int
	held                 [4]bool
	cancelled            bool // the waiters' context was cancelled
}

type mapWorld struct {
	m        *Map[string, int]
	hs       [4]Handle[string, int] // a slot holds nothing until filled, and once released
	busy     map[int]bool
	made     int
	cleaned  int
	threads  [][]sched.Op
	startMap spec
	ctx      context.Context // the context of acquireCtx, which cancel cancels
	cancel   context.CancelFunc
}

func newMapWorld(held int) *mapWorld {
	w := &mapWorld{busy: map[int]bool{}}
	w.ctx, w.cancel = context.WithCancel(context.Background())
	w.m = New(func(string, int) { w.cleaned++ })
	sched.Name(&w.m.mu, "mu")
	for i := range held {
		w.hs[i], _, _ = w.m.Acquire(context.Background(), key, w.create)
		w.startMap.held[i] = true
	}
	w.startMap.count = held
	w.startMap.made = w.made
	return w
}

func (w *mapWorld) create() (int, error) { w.made++; return w.made, nil }

func (w *mapWorld) Threads() [][]sched.Op { return w.threads }

func (w *mapWorld) op(name string, slot int, run func() string, sp func(m spec) (spec, string)) sched.Op {
	return sched.Op{Name: name, Run: func() string {
		w.busy[slot] = true
		defer delete(w.busy, slot)
		return run()
	}, Spec: func(s any) []sched.Outcome {
		m, r := sp(s.(spec))
		return []sched.Outcome{{State: m, Result: r}}
	}}
}

func (w *mapWorld) acquire(i int) sched.Op {
	return w.op(fmt.Sprintf("h%d = Acquire(k)", i), i, func() string {
		var created bool
		var err error
		w.hs[i], created, err = w.m.Acquire(context.Background(), key, w.create)
		if err != nil {
			return err.Error()
		}
		return fmt.Sprint(created)
	}, func(m spec) (spec, string) {
		m.held[i] = true
		m.count++
		if m.count == 1 {
			m.made++
			return m, "true"
		}
		return m, "false"
	})
}

// acquireCtx is acquire with a context that cancel may cancel: if it is
// cancelled while the Acquire waits for another goroutine's create, the
// Acquire returns its error and changes nothing.
func (w *mapWorld) acquireCtx(i int) sched.Op {
	o := w.acquire(i)
	o.Name = fmt.Sprintf("h%d = Acquire(ctx, k)", i)
	o.Run = func() string {
		w.busy[i] = true
		defer delete(w.busy, i)
		var created bool
		var err error
		w.hs[i], created, err = w.m.Acquire(w.ctx, key, w.create)
		if err != nil { // the zero Handle: the slot holds nothing
			return err.Error()
		}
		return fmt.Sprint(created)
	}
	sp := o.Spec
	o.Spec = func(s any) []sched.Outcome {
		outs := sp(s)
		if s.(spec).cancelled {
			outs = append(outs, sched.Outcome{State: s, Result: context.Canceled.Error()})
		}
		return outs
	}
	return o
}

// cancelCtx cancels the context of acquireCtx.
func (w *mapWorld) cancelCtx() sched.Op {
	return sched.Op{Name: "cancel()", Run: func() string { w.cancel(); return "ok" },
		Spec: func(s any) []sched.Outcome {
			m := s.(spec)
			m.cancelled = true
			return []sched.Outcome{{State: m, Result: "ok"}}
		}}
}

func (w *mapWorld) clone(i, j int) sched.Op {
	return w.op(fmt.Sprintf("h%d = h%d.Clone()", j, i), j, func() string {
		w.hs[j] = w.hs[i].Clone()
		return "ok"
	}, func(m spec) (spec, string) { m.held[j] = true; m.count++; return m, "ok" })
}

func (w *mapWorld) release(i int) sched.Op {
	return w.op(fmt.Sprintf("h%d.Release()", i), i, func() string {
		w.hs[i].Release()
		return "ok"
	}, func(m spec) (spec, string) {
		m.held[i] = false
		if m.count--; m.count == 0 {
			m.cleaned++
		}
		return m, "ok"
	})
}

func (w *mapWorld) join(i int) sched.Op {
	return w.op(fmt.Sprintf("h%d, ok = Join(k)", i), i, func() string {
		var ok bool
		w.hs[i], ok = w.m.Join(key)
		return fmt.Sprint(ok)
	}, func(m spec) (spec, string) {
		if m.count == 0 {
			return m, "false"
		}
		m.held[i] = true
		m.count++
		return m, "true"
	})
}

// releaseIf releases h[i] if it holds a handle (a Join into it succeeded).
func (w *mapWorld) releaseIf(i int) sched.Op {
	o := w.release(i)
	run, sp := o.Run, o.Spec
	o.Name += " if held"
	o.Run = func() string {
		if w.hs[i].e == nil {
			return "empty"
		}
		return run()
	}
	o.Spec = func(s any) []sched.Outcome {
		if !s.(spec).held[i] {
			return []sched.Outcome{{State: s, Result: "empty"}}
		}
		return sp(s)
	}
	return o
}

func (w *mapWorld) count() sched.Op {
	return w.op("Count(k)", 3, func() string { return fmt.Sprint(w.m.Count(key)) },
		func(m spec) (spec, string) { return m, fmt.Sprint(m.count) })
}

// Observe is the key's count, the entries made and the cleanups at the end.
func (w *mapWorld) Observe() sched.Op {
	return sched.Op{Name: "at the end", Run: func() string {
		return fmt.Sprintf("count %d, made %d, cleaned %d", w.m.Count(key), w.made, w.cleaned)
	}, Spec: func(s any) []sched.Outcome {
		m := s.(spec)
		return []sched.Outcome{{State: m, Result: fmt.Sprintf("count %d, made %d, cleaned %d", m.count, m.made, m.cleaned)}}
	}}
}

// Check is the package's invariants while mu is free: every entry in the
// map has count >= 1, and every handle held is to its key's entry, which
// counts it.
func (w *mapWorld) Check() error {
	if sched.LocksHeld() > 0 {
		return nil
	}
	var errs []error
	for k, e := range w.m.entries {
		if e.count < 1 {
			errs = append(errs, fmt.Errorf("the entry for %q is in the map with count %d while mu is free: an Acquire can join a dying entry", k, e.count))
		}
	}
	held := 0
	for i := range w.hs {
		h := &w.hs[i]
		if h.e == nil || w.busy[i] {
			continue
		}
		held++
		if e, ok := w.m.entries[h.e.key]; !ok || e != h.e {
			errs = append(errs, fmt.Errorf("handle h%d is to an entry that is not %q's in the map", i, h.e.key))
		}
	}
	if e, ok := w.m.entries[key]; ok && e.count < held {
		errs = append(errs, fmt.Errorf("%d handles are held but the entry counts %d", held, e.count))
	}
	return errors.Join(errs...)
}

// Final releases what is left and checks that the map is empty and every
// entry made was cleaned up once.
func (w *mapWorld) Final() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("releasing the handles left at the end panicked: %v", r)
		}
	}()
	for i := range w.hs {
		if w.hs[i].e != nil {
			w.hs[i].Release()
		}
	}
	if n := w.m.Len(); n != 0 || w.cleaned != w.made {
		return fmt.Errorf("with every handle released the map has %d entries, and %d cleanups ran for %d entries made", n, w.cleaned, w.made)
	}
	return nil
}

func (w *mapWorld) Snapshot() string {
	var sb strings.Builder
	for k, e := range w.m.entries {
		fmt.Fprintf(&sb, "%s:%d:%d:%t;", k, e.count, e.value, e.pending())
	}
	for i := range w.hs {
		if h := &w.hs[i]; h.e != nil {
			fmt.Fprintf(&sb, "h%d:%d,%t;", i, h.e.value, w.busy[i])
		}
	}
	fmt.Fprintf(&sb, "|%d|%d", w.made, w.cleaned)
	return sb.String()
}

func mapScenario(name string, held int, threads func(w *mapWorld) [][]sched.Op) sched.Scenario {
	return sched.Scenario{Name: name, Model: newMapWorld(held).startMap, New: func() sched.World {
		w := newMapWorld(held)
		w.threads = threads(w)
		return w
	}}
}

var rcmapScenarios = []sched.Scenario{
	mapScenario("last release/acquire", 1, func(w *mapWorld) [][]sched.Op {
		return [][]sched.Op{{w.release(0)}, {w.acquire(1), w.release(1)}}
	}),
	mapScenario("acquire/acquire a new key", 0, func(w *mapWorld) [][]sched.Op {
		return [][]sched.Op{{w.acquire(0), w.release(0)}, {w.acquire(1), w.release(1)}}
	}),
	mapScenario("acquire/cancelled waiter", 0, func(w *mapWorld) [][]sched.Op {
		return [][]sched.Op{{w.acquire(0), w.release(0)}, {w.acquireCtx(1), w.releaseIf(1)}, {w.cancelCtx()}}
	}),
	mapScenario("clone/release", 2, func(w *mapWorld) [][]sched.Op {
		return [][]sched.Op{{w.clone(0, 2), w.release(2), w.release(0)}, {w.release(1)}}
	}),
	mapScenario("join/last release", 1, func(w *mapWorld) [][]sched.Op {
		return [][]sched.Op{{w.release(0)}, {w.join(1), w.releaseIf(1)}}
	}),
	mapScenario("count/release", 1, func(w *mapWorld) [][]sched.Op {
		return [][]sched.Op{{w.count()}, {w.release(0)}}
	}),
}
