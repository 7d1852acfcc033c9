package model

import (
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// newValue makes a fresh value and tells the model about it.
func (m *machine) newValue(t *rapid.T) Value {
	m.nextID++
	v := Value{
		ID:      m.nextID,
		Payload: rapid.IntRange(0, 99).Draw(t, "payload"),
		Panics:  rapid.IntRange(0, 3).Draw(t, "panicsOneIn4") == 0,
		log:     m.log,
	}
	m.model.Values[v.ID] = &ValueState{SelfAlloc: -1, Payload: v.Payload, Panics: v.Panics}
	return v
}

func (m *machine) new(t *rapid.T) {
	v := m.newValue(t)
	h := m.impl.New(v)
	m.strongs = append(m.strongs, strongSlot{h, m.model.Alloc(v.ID)})
}

func (m *machine) newWithCleanup(t *rapid.T) {
	v := m.newValue(t)
	m.model.Values[v.ID].Cleanup = true
	h := m.impl.NewWithCleanup(v, func(v Value) { m.log.Cleanups[v.ID]++ })
	m.strongs = append(m.strongs, strongSlot{h, m.model.Alloc(v.ID)})
}

func (m *machine) clone(t *rapid.T) {
	s := m.strongs[m.pickStrong(t)]
	h := s.h.Clone()
	m.model.Clone(s.alloc)
	m.strongs = append(m.strongs, strongSlot{h, s.alloc})
}

func (m *machine) move(t *rapid.T) {
	i := m.pickStrong(t)
	old := m.strongs[i].h
	m.strongs[i].h = old.Move()
	require.True(t, old.IsEmpty(), "Move must leave the source handle empty")
}

func (m *machine) drop(t *rapid.T) { m.dropStrong(t, m.pickStrong(t)) }

// dropStrong drops strong handle i. A destructor that panics must still
// finish the drop (the model carries on as usual) and the panic must reach
// the caller of Drop.
func (m *machine) dropStrong(t *rapid.T, i int) {
	s := m.strongs[i]
	m.removeStrong(i)
	a := m.model.Allocs[s.alloc]
	lastPanics := a.Strong == 1 && m.model.Values[a.Value].Panics
	p := catch(s.h.Drop)
	if lastPanics {
		require.Equal(t, ErrDestructorPanic, p, "the destructor's panic must propagate out of Drop")
	} else {
		require.Nil(t, p, "Drop panicked unexpectedly")
	}
	require.True(t, s.h.IsEmpty(), "Drop must leave the handle empty")
	m.model.DropStrong(s.alloc)
}

func (m *machine) getMut(t *rapid.T) {
	s := m.strongs[m.pickStrong(t)]
	p, ok := s.h.GetMut()
	require.Equal(t, m.model.Unique(s.alloc), ok,
		"GetMut must succeed exactly when strong == 1 and no Weak exists (I6); strong=%d weak=%d",
		m.model.Allocs[s.alloc].Strong, m.model.Allocs[s.alloc].Weak)
	if !ok {
		require.Nil(t, p, "a refused GetMut returns nil")
		return
	}
	p.Payload = rapid.IntRange(100, 199).Draw(t, "write")
	m.model.Values[m.model.Allocs[s.alloc].Value].Payload = p.Payload
}

func (m *machine) makeMut(t *rapid.T) {
	i := m.pickStrong(t)
	s := m.strongs[i]
	kind := m.model.MakeMutCase(s.alloc)
	cloned := 0
	clone := func(v Value) Value {
		require.Equal(t, CloneOut, kind, "MakeMut may clone only while other strong handles exist")
		m.nextID++
		cloned = m.nextID
		orig := m.model.Values[v.ID]
		copied := *orig
		m.model.Values[cloned] = &copied
		n := v
		n.ID = cloned
		n.OwnSelf = false // the clone's Self still points at the original allocation
		if v.Self != nil {
			n.Self = v.Self.Clone()
		}
		return n
	}
	p := s.h.MakeMut(clone)
	switch kind {
	case CloneOut:
		require.NotZero(t, cloned, "MakeMut must clone while other strong handles exist")
		require.False(t, m.model.DropStrong(s.alloc), "the other strong handles keep the original")
		if self := m.model.Values[cloned].SelfAlloc; self >= 0 {
			m.model.Downgrade(self) // the clone's own Self Weak
		}
		m.strongs[i].alloc = m.model.Alloc(cloned)
	case MoveOut:
		m.strongs[i].alloc = m.model.MoveValue(s.alloc)
		p.OwnSelf = false // Self stays with the old allocation, which the Weaks keep
	}
	p.Payload = rapid.IntRange(200, 299).Draw(t, "write")
	m.model.Values[m.model.Allocs[m.strongs[i].alloc].Value].Payload = p.Payload
}

func (m *machine) tryUnwrap(t *rapid.T) {
	i := m.pickStrong(t)
	s := m.strongs[i]
	want := m.model.Allocs[s.alloc].Strong == 1
	v, ok := s.h.TryUnwrap()
	require.Equal(t, want, ok, "TryUnwrap must succeed exactly when strong == 1, whatever the Weaks (I6)")
	if !ok {
		require.False(t, s.h.IsEmpty(), "a failed TryUnwrap must leave the handle as it was")
		return
	}
	m.removeStrong(i)
	m.takeBack(t, s, v)
}

func (m *machine) intoInner(t *rapid.T) {
	i := m.pickStrong(t)
	s := m.strongs[i]
	m.removeStrong(i)
	want := m.model.Allocs[s.alloc].Strong == 1
	v, ok := s.h.IntoInner()
	require.Equal(t, want, ok, "IntoInner returns the value exactly to the last strong handle")
	if ok {
		m.takeBack(t, s, v)
		return
	}
	require.True(t, s.h.IsEmpty(), "IntoInner always consumes its handle")
	require.False(t, m.model.DropStrong(s.alloc), "IntoInner on a shared value only drops its share")
}

// takeBack checks a value that TryUnwrap or IntoInner handed back, then
// does what its new owner must: give up the Weak it carries.
func (m *machine) takeBack(t *rapid.T, s strongSlot, v Value) {
	require.True(t, s.h.IsEmpty(), "taking the value out consumes the handle")
	id := m.model.Take(s.alloc)
	require.Equal(t, id, v.ID, "the value taken out is not the one the allocation held")
	require.Equal(t, m.model.Values[id].Payload, v.Payload, "the value taken out lost a write")
	if v.Self != nil {
		v.Self.Drop()
		m.model.DropWeak(m.model.Values[id].SelfAlloc)
	}
}

func (m *machine) ptrEq(t *rapid.T) {
	if rapid.Bool().Draw(t, "ofWeaks") {
		a, b := m.weaks[m.pickWeak(t)], m.weaks[m.pickWeak(t)]
		require.Equal(t, a.alloc == b.alloc, a.h.PtrEq(b.h), "Weak PtrEq: same allocation, or both dangling")
		return
	}
	a, b := m.strongs[m.pickStrong(t)], m.strongs[m.pickStrong(t)]
	require.Equal(t, a.alloc == b.alloc, a.h.PtrEq(b.h), "PtrEq: true exactly for the same allocation")
}
