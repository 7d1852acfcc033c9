package model

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/rcbook/rcbook/invariants"
)

// machine drives an implementation and the model side by side. The rapid
// state machine (package modeltest), the exhaustive explorer (Explore) and
// Session all work through it, so they check exactly the same things. A
// failed check panics with a *Mismatch, which the run's boundary (try)
// recovers.
type machine struct {
	impl    Impl
	model   *Model
	log     *Log
	base    int // impl.LiveAllocations() when the run started
	nextID  int
	names   int // handles named so far
	strongs []strongSlot
	weaks   []weakSlot
	// stales and staleWeaks are the copies made without Clone (the misuse
	// steps): counted nowhere, never dropped by the harness, used only
	// where the header checks must refuse them.
	stales     []strongSlot
	staleWeaks []weakSlot
	// freedAt[a] is how many allocations had been made when allocation a,
	// which a stale copy still points at, was freed: a pool may have
	// handed its header to any made since.
	freedAt map[int]int
	twins   int     // values made as twins (Step.Twin)
	trace   []taken // the steps taken, for counterexamples
	// want and got are the last step's answer, as the model expects it and
	// as the implementation gave it (Session.Expected, Session.Seen).
	want, got Answer
	// draining is set while every handle is dropped at the end of a run,
	// so that a violation there says so.
	draining bool
}

type strongSlot struct {
	h     Strong
	alloc int // index into model.Allocs
	name  string
}

type weakSlot struct {
	h     Weak
	alloc int // index into model.Allocs, or -1 for a dangling Weak
	name  string
}

func newMachine(impl Impl) *machine {
	return &machine{impl: impl, model: NewModel(), log: newLog(), base: impl.LiveAllocations()}
}

var errBuildPanic = errors.New("model: NewCyclic build panicked on purpose")

func (m *machine) name(prefix string) string {
	m.names++
	return prefix + strconv.Itoa(m.names)
}

// traceText describes every step taken so far.
func (m *machine) traceText() []string {
	lines := make([]string, len(m.trace), len(m.trace)+1)
	for i, k := range m.trace {
		lines[i] = k.String()
	}
	if m.draining {
		lines = append(lines, "// then every handle left is dropped")
	}
	return lines
}

// try runs f, and turns a failed check or an unexpected panic into a
// Violation with the steps taken so far.
func (m *machine) try(f func()) (v *Violation) {
	defer func() {
		p := recover()
		if p == nil {
			return
		}
		mm, ok := p.(*Mismatch)
		if !ok {
			mm = panicked(p)
		}
		v = &Violation{Trace: m.traceText(), Mismatch: *mm}
	}()
	f()
	return nil
}

// failf fails the run: the implementation showed got where the model says
// want. The check's description is formatted only on failure, so that the
// explorer, which checks millions of times, stays fast.
func failf(rule invariants.ID, want, got any, format string, args ...any) {
	panic(&Mismatch{Check: fmt.Sprintf(format, args...), Rule: rule, Want: fmt.Sprint(want), Got: fmt.Sprint(got)})
}

// check compares implementation and model after every step. Each test
// compares with == and formats nothing unless something differs.
func (m *machine) check() {
	for _, s := range m.strongs {
		a := m.model.Allocs[s.alloc]
		if s.h.IsEmpty() {
			failf("", "a handle to allocation "+strconv.Itoa(s.alloc), "an empty handle", "%s is a strong handle", s.name)
		}
		if got := s.h.StrongCount(); got != a.Strong {
			failf("", a.Strong, got, "StrongCount of %s", s.name)
		}
		if got := s.h.WeakCount(); got != a.Weak {
			failf(invariants.I4, a.Weak, got, "WeakCount of %s counts Weak handles only, never the implicit weak", s.name)
		}
		v := s.h.Get()
		if want := m.model.Values[a.Value]; v.ID != want.ID || v.Payload != want.Payload {
			failf("", fmt.Sprintf("v%d holding %d", want.ID, want.Payload), fmt.Sprintf("v%d holding %d", v.ID, v.Payload),
				"Get on %s returns the value its allocation holds", s.name)
		}
	}
	for _, w := range m.weaks {
		wantStrong, wantWeak := m.weakCounts(w.alloc)
		if got := w.h.StrongCount(); got != wantStrong {
			failf("", wantStrong, got, "StrongCount of %s (0 when dangling or dead)", w.name)
		}
		if got := w.h.WeakCount(); got != wantWeak {
			failf(invariants.I4, wantWeak, got, "WeakCount of %s (0 when dangling or no strong handle remains)", w.name)
		}
	}
	if want, got := m.model.LiveAllocs(), m.impl.LiveAllocations()-m.base; got != want {
		failf(invariants.I3, want, got, "live allocations: an allocation must exist exactly while strong + weak > 0")
	}
	if m.twins > 0 {
		m.checkTwinDrops()
	} else {
		for id, v := range m.model.Values {
			want := 0
			if v.Fate == Dropped {
				want = 1
			}
			if got := m.log.Drops[id]; got != want {
				failf(invariants.I2, want, got, "destructor runs of v%d: exactly once, when its last strong handle goes, and never if it was taken out", id)
			}
			if got := m.log.Cleanups[id]; v.Cleanup && got != want {
				failf(invariants.I2, want, got, "cleanup runs of v%d: exactly once, when it drops", id)
			}
		}
	}
	if len(m.log.Resurrected) > 0 {
		failf(invariants.I7, "no value", fmt.Sprintf("v%d", m.log.Resurrected[0]),
			"a destructor upgraded a Weak to its own value: Upgrade must fail once strong is 0")
	}
}

// weakCounts is what StrongCount and WeakCount of a Weak to allocation a
// must say: 0 and 0 when it dangles (a < 0), and a WeakCount of 0 once no
// strong handle remains, as Rust's Weak::weak_count.
func (m *machine) weakCounts(a int) (strong, weak int) {
	if a < 0 {
		return 0, 0
	}
	al := m.model.Allocs[a]
	if al.Strong == 0 {
		return 0, 0
	}
	return al.Strong, al.Weak
}

// drain drops every handle left, then checks that nothing stays allocated.
func (m *machine) drain() {
	m.draining = true
	for len(m.strongs) > 0 {
		m.dropStrong(len(m.strongs) - 1)
	}
	for len(m.weaks) > 0 {
		m.dropWeak(len(m.weaks) - 1)
	}
	m.check()
	if got := m.impl.LiveAllocations() - m.base; got != 0 {
		failf(invariants.I5, 0, got, "live allocations once every handle is gone: every allocation must be freed")
	}
}

func (m *machine) removeStrong(i int) {
	m.strongs = append(m.strongs[:i], m.strongs[i+1:]...)
}

func (m *machine) removeWeak(i int) {
	m.weaks = append(m.weaks[:i], m.weaks[i+1:]...)
}

// catch runs f and returns what it panicked with, or nil. A failed check
// inside f is not the implementation's panic: it goes on up.
func catch(f func()) (p any) {
	defer func() {
		p = recover()
		if mm, ok := p.(*Mismatch); ok {
			panic(mm)
		}
	}()
	f()
	return nil
}

// checkTwinDrops is check's destructor count once twins exist: equal values
// share an ID, so the log counts the runs of every value showing it.
func (m *machine) checkTwinDrops() {
	drops, cleanups, cleaned := map[int]int{}, map[int]int{}, map[int]bool{}
	for _, v := range m.model.Values {
		if v.Fate == Dropped {
			drops[v.ID]++
			if v.Cleanup {
				cleanups[v.ID]++
			}
		}
		cleaned[v.ID] = cleaned[v.ID] || v.Cleanup
	}
	for id, cleanup := range cleaned {
		if got := m.log.Drops[id]; got != drops[id] {
			failf(invariants.I2, drops[id], got, "destructor runs of the values showing v%d (equal values): each once, when its last strong handle goes", id)
		}
		if got := m.log.Cleanups[id]; cleanup && got != cleanups[id] {
			failf(invariants.I2, cleanups[id], got, "cleanup runs of the values showing v%d (equal values): each once, when it drops", id)
		}
	}
}
