package model

import (
	"errors"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// Machine returns a rapid property that drives impl and the model side by
// side. Run it with rapid.Check(t, model.Machine(impl)), or fuzz it with
// f.Fuzz(rapid.MakeFuzz(model.Machine(impl))).
//
// Each run starts from no handles, performs a random sequence of the
// actions below, checks implementation against model after every one, and
// finally drops every handle and checks that nothing is left allocated.
func Machine(impl Impl) func(*rapid.T) {
	return func(t *rapid.T) {
		m := &machine{impl: impl, model: NewModel(), log: newLog(), base: impl.LiveAllocations()}
		t.Repeat(m.actions())
		m.drain(t)
	}
}

type machine struct {
	impl    Impl
	model   *Model
	log     *Log
	base    int // impl.LiveAllocations() when the run started
	nextID  int
	strongs []strongSlot
	weaks   []weakSlot
}

type strongSlot struct {
	h     Strong
	alloc int // index into model.Allocs
}

type weakSlot struct {
	h     Weak
	alloc int // index into model.Allocs, or -1 for a dangling Weak
}

var errBuildPanic = errors.New("model: NewCyclic build panicked on purpose")

func (m *machine) actions() map[string]func(*rapid.T) {
	return map[string]func(*rapid.T){
		"new":            m.new,
		"newWithCleanup": m.newWithCleanup,
		"newCyclic":      m.newCyclic,
		"clone":          m.clone,
		"move":           m.move,
		"drop":           m.drop,
		"downgrade":      m.downgrade,
		"dangling":       m.dangling,
		"weakClone":      m.weakClone,
		"weakMove":       m.weakMove,
		"weakDrop":       m.weakDrop,
		"upgrade":        m.upgrade,
		"getMut":         m.getMut,
		"makeMut":        m.makeMut,
		"tryUnwrap":      m.tryUnwrap,
		"intoInner":      m.intoInner,
		"ptrEq":          m.ptrEq,
		"":               m.check,
	}
}

// check compares implementation and model after every action.
func (m *machine) check(t *rapid.T) {
	for i, s := range m.strongs {
		a := m.model.Allocs[s.alloc]
		require.False(t, s.h.IsEmpty(), "strong handle %d is empty but should own allocation %d", i, s.alloc)
		require.Equal(t, a.Strong, s.h.StrongCount(), "StrongCount of strong handle %d", i)
		require.Equal(t, a.Weak, s.h.WeakCount(), "WeakCount of strong handle %d counts Weak handles only, never the implicit weak (I4)", i)
		v := s.h.Get()
		require.Equal(t, a.Value, v.ID, "Get on strong handle %d returns the wrong value", i)
		require.Equal(t, m.model.Values[a.Value].Payload, v.Payload, "value %d lost a write", a.Value)
	}
	for i, w := range m.weaks {
		wantStrong, wantWeak := 0, 0
		if w.alloc >= 0 {
			a := m.model.Allocs[w.alloc]
			wantStrong = a.Strong
			if a.Strong > 0 {
				wantWeak = a.Weak
			}
		}
		require.Equal(t, wantStrong, w.h.StrongCount(), "StrongCount of Weak %d (0 when dangling or dead)", i)
		require.Equal(t, wantWeak, w.h.WeakCount(), "WeakCount of Weak %d (0 when dangling or no strong handle remains)", i)
	}
	require.Equal(t, m.model.LiveAllocs(), m.impl.LiveAllocations()-m.base,
		"live allocations: an allocation must exist exactly while strong + weak > 0 (I3, I5)")
	for id, v := range m.model.Values {
		want := 0
		if v.Fate == Dropped {
			want = 1
		}
		require.Equal(t, want, m.log.Drops[id], "value %d: its destructor must run exactly once, when its last strong handle goes, and never if it was taken out (I2)", id)
		if v.Cleanup {
			require.Equal(t, want, m.log.Cleanups[id], "value %d: its cleanup must run exactly once, when it drops (I2)", id)
		}
	}
	require.Empty(t, m.log.Resurrected, "a destructor upgraded a Weak to its own value: Upgrade must fail once strong is 0 (I7)")
}

// drain drops every handle left, then checks that nothing stays allocated.
func (m *machine) drain(t *rapid.T) {
	for len(m.strongs) > 0 {
		m.dropStrong(t, len(m.strongs)-1)
	}
	for len(m.weaks) > 0 {
		m.dropWeak(len(m.weaks) - 1)
	}
	m.check(t)
	require.Equal(t, 0, m.impl.LiveAllocations()-m.base, "every handle is gone, so every allocation must be freed (I3, I5)")
}

func (m *machine) pickStrong(t *rapid.T) int {
	if len(m.strongs) == 0 {
		t.Skip("no strong handle")
	}
	return rapid.IntRange(0, len(m.strongs)-1).Draw(t, "strong")
}

func (m *machine) pickWeak(t *rapid.T) int {
	if len(m.weaks) == 0 {
		t.Skip("no weak handle")
	}
	return rapid.IntRange(0, len(m.weaks)-1).Draw(t, "weak")
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
