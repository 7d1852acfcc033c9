package model

import (
	"errors"
	"strconv"

	"github.com/stretchr/testify/require"
)

// machine drives an implementation and the model side by side. The rapid
// state machine (Machine) and the exhaustive explorer (Explore) both work
// through it, so they check exactly the same things.
type machine struct {
	impl    Impl
	model   *Model
	log     *Log
	base    int // impl.LiveAllocations() when the run started
	nextID  int
	names   int // handles named so far
	strongs []strongSlot
	weaks   []weakSlot
	trace   []taken // the steps taken, for counterexamples
	// draining is set while the explorer drops every handle at the end of
	// a sequence, so that a violation there says so.
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
	lines := make([]string, len(m.trace))
	for i, k := range m.trace {
		lines[i] = k.String()
	}
	return lines
}

// check compares implementation and model after every step. It compares
// with == first and asks require only when something differs, so that the
// explorer, which checks millions of times, stays fast.
func (m *machine) check(t require.TestingT) {
	for _, s := range m.strongs {
		a := m.model.Allocs[s.alloc]
		if s.h.IsEmpty() {
			require.Fail(t, "a strong handle is empty", "%s should own allocation %d", s.name, s.alloc)
		}
		if got := s.h.StrongCount(); got != a.Strong {
			require.Equal(t, a.Strong, got, "StrongCount of %s", s.name)
		}
		if got := s.h.WeakCount(); got != a.Weak {
			require.Equal(t, a.Weak, got, "WeakCount of %s counts Weak handles only, never the implicit weak (I4)", s.name)
		}
		v := s.h.Get()
		if v.ID != a.Value || v.Payload != m.model.Values[a.Value].Payload {
			require.Equal(t, [2]int{a.Value, m.model.Values[a.Value].Payload}, [2]int{v.ID, v.Payload},
				"Get on %s returns the wrong value (ID, payload)", s.name)
		}
	}
	for _, w := range m.weaks {
		wantStrong, wantWeak := 0, 0
		if w.alloc >= 0 {
			a := m.model.Allocs[w.alloc]
			wantStrong = a.Strong
			if a.Strong > 0 {
				wantWeak = a.Weak
			}
		}
		if got := w.h.StrongCount(); got != wantStrong {
			require.Equal(t, wantStrong, got, "StrongCount of %s (0 when dangling or dead)", w.name)
		}
		if got := w.h.WeakCount(); got != wantWeak {
			require.Equal(t, wantWeak, got, "WeakCount of %s (0 when dangling or no strong handle remains)", w.name)
		}
	}
	if want, got := m.model.LiveAllocs(), m.impl.LiveAllocations()-m.base; got != want {
		require.Equal(t, want, got, "live allocations: an allocation must exist exactly while strong + weak > 0 (I3, I5)")
	}
	for id, v := range m.model.Values {
		want := 0
		if v.Fate == Dropped {
			want = 1
		}
		if got := m.log.Drops[id]; got != want {
			require.Equal(t, want, got, "v%d: its destructor must run exactly once, when its last strong handle goes, and never if it was taken out (I2)", id)
		}
		if got := m.log.Cleanups[id]; v.Cleanup && got != want {
			require.Equal(t, want, got, "v%d: its cleanup must run exactly once, when it drops (I2)", id)
		}
	}
	if len(m.log.Resurrected) > 0 {
		require.Empty(t, m.log.Resurrected, "a destructor upgraded a Weak to its own value: Upgrade must fail once strong is 0 (I7)")
	}
}

// drain drops every handle left, then checks that nothing stays allocated.
func (m *machine) drain(t require.TestingT) {
	for len(m.strongs) > 0 {
		m.dropStrong(t, len(m.strongs)-1)
	}
	for len(m.weaks) > 0 {
		m.dropWeak(len(m.weaks) - 1)
	}
	m.check(t)
	require.Equal(t, 0, m.impl.LiveAllocations()-m.base, "every handle is gone, so every allocation must be freed (I3, I5)")
}

func (m *machine) removeStrong(i int) {
	m.strongs = append(m.strongs[:i], m.strongs[i+1:]...)
}

func (m *machine) removeWeak(i int) {
	m.weaks = append(m.weaks[:i], m.weaks[i+1:]...)
}

// catch runs f and returns what it panicked with, or nil.
func catch(f func()) (p any) {
	defer func() { p = recover() }()
	f()
	return nil
}
