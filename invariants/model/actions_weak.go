package model

import (
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// newCyclic builds a value that holds a Weak to its own allocation. Its
// destructor will try to upgrade that Weak (must fail) and drop it, from
// inside the drop of the very allocation it points at. The build may also
// let a Weak escape, and may panic.
func (m *machine) newCyclic(t *rapid.T) {
	escape := rapid.Bool().Draw(t, "escapeAWeak")
	fails := rapid.IntRange(0, 3).Draw(t, "buildPanicsOneIn4") == 0
	moveSelf := rapid.Bool().Draw(t, "moveSelfIntoValue")
	v := m.newValue(t)
	a := len(m.model.Allocs) // the allocation NewCyclic is about to make
	var escaped Weak
	build := func(self Weak) Value {
		require.Equal(t, 0, self.StrongCount(), "inside build the strong count is 0: the value does not exist yet")
		require.Equal(t, 0, self.WeakCount(), "WeakCount is 0 while no strong handle exists")
		s, ok := self.Upgrade()
		if ok {
			s.Drop()
		}
		require.False(t, ok, "a Weak must not upgrade inside build (I7)")
		if escape {
			escaped = self.Clone()
		}
		if fails {
			panic(errBuildPanic)
		}
		v.OwnSelf = true
		if moveSelf {
			v.Self = self.Move()
		} else {
			v.Self = self.Clone()
		}
		return v
	}
	var h Strong
	p := catch(func() { h = m.impl.NewCyclic(build) })
	if fails {
		require.Equal(t, errBuildPanic, p, "a panic in build must propagate out of NewCyclic")
		delete(m.model.Values, v.ID) // never built: no destructor may run
		m.model.Allocs = append(m.model.Allocs, Alloc{Value: -1})
	} else {
		require.Nil(t, p, "NewCyclic panicked unexpectedly")
		m.model.Values[v.ID].SelfAlloc = a
		require.Equal(t, a, m.model.Alloc(v.ID))
		m.model.Downgrade(a) // the value's Self
		m.strongs = append(m.strongs, strongSlot{h, a})
	}
	if escape {
		m.model.Downgrade(a)
		m.weaks = append(m.weaks, weakSlot{escaped, a})
	}
}

func (m *machine) downgrade(t *rapid.T) {
	s := m.strongs[m.pickStrong(t)]
	w := s.h.Downgrade()
	m.model.Downgrade(s.alloc)
	m.weaks = append(m.weaks, weakSlot{w, s.alloc})
}

func (m *machine) dangling(*rapid.T) {
	m.weaks = append(m.weaks, weakSlot{m.impl.Dangling(), -1})
}

func (m *machine) weakClone(t *rapid.T) {
	w := m.weaks[m.pickWeak(t)]
	h := w.h.Clone()
	if w.alloc >= 0 {
		m.model.Downgrade(w.alloc)
	}
	m.weaks = append(m.weaks, weakSlot{h, w.alloc})
}

func (m *machine) weakMove(t *rapid.T) {
	i := m.pickWeak(t)
	m.weaks[i].h = m.weaks[i].h.Move()
}

func (m *machine) weakDrop(t *rapid.T) { m.dropWeak(m.pickWeak(t)) }

func (m *machine) dropWeak(i int) {
	w := m.weaks[i]
	m.removeWeak(i)
	w.h.Drop()
	if w.alloc >= 0 {
		m.model.DropWeak(w.alloc)
	}
}

func (m *machine) upgrade(t *rapid.T) {
	w := m.weaks[m.pickWeak(t)]
	want := w.alloc >= 0 && m.model.Upgrade(w.alloc)
	h, ok := w.h.Upgrade()
	require.Equal(t, want, ok, "Upgrade must succeed exactly while the value is alive, strong > 0 (I7)")
	if !ok {
		require.True(t, h.IsEmpty(), "a failed Upgrade returns an empty handle")
		return
	}
	m.strongs = append(m.strongs, strongSlot{h, w.alloc})
}
