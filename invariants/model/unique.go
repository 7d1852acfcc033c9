package model

import "github.com/stretchr/testify/require"

func (m *machine) getMut(t require.TestingT, i int) {
	s := m.strongs[i]
	p, ok := s.h.GetMut()
	a := m.model.Allocs[s.alloc]
	require.Equal(t, m.model.Unique(s.alloc), ok,
		"%s.GetMut must succeed exactly when strong == 1 and no Weak exists (I6); strong=%d weak=%d",
		s.name, a.Strong, a.Weak)
	if !ok {
		require.Nil(t, p, "a refused GetMut returns nil")
		return
	}
	p.Payload += 100
	m.model.Values[a.Value].Payload = p.Payload
}

func (m *machine) makeMut(t require.TestingT, i int) {
	s := m.strongs[i]
	kind := m.model.MakeMutCase(s.alloc)
	cloned := 0
	clone := func(v Value) Value {
		require.Equal(t, CloneOut, kind, "MakeMut may clone only while other strong handles exist")
		m.nextID++
		cloned = m.nextID
		copied := *m.model.Values[v.ID]
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
	p.Payload += 1000
	m.model.Values[m.model.Allocs[m.strongs[i].alloc].Value].Payload = p.Payload
}

func (m *machine) tryUnwrap(t require.TestingT, i int) {
	s := m.strongs[i]
	want := m.model.Allocs[s.alloc].Strong == 1
	v, ok := s.h.TryUnwrap()
	require.Equal(t, want, ok, "%s.TryUnwrap must succeed exactly when strong == 1, whatever the Weaks (I6)", s.name)
	if !ok {
		require.False(t, s.h.IsEmpty(), "a failed TryUnwrap must leave the handle as it was")
		return
	}
	m.removeStrong(i)
	m.takeBack(t, s, v)
}

func (m *machine) intoInner(t require.TestingT, i int) {
	s := m.strongs[i]
	m.removeStrong(i)
	want := m.model.Allocs[s.alloc].Strong == 1
	v, ok := s.h.IntoInner()
	require.Equal(t, want, ok, "%s.IntoInner returns the value exactly to the last strong handle", s.name)
	if ok {
		m.takeBack(t, s, v)
		return
	}
	require.True(t, s.h.IsEmpty(), "IntoInner always consumes its handle")
	require.False(t, m.model.DropStrong(s.alloc), "IntoInner on a shared value only drops its share")
}

// takeBack checks a value that TryUnwrap or IntoInner handed back, then
// does what its new owner must: give up the Weak it carries.
func (m *machine) takeBack(t require.TestingT, s strongSlot, v Value) {
	require.True(t, s.h.IsEmpty(), "taking the value out consumes the handle")
	id := m.model.Take(s.alloc)
	require.Equal(t, id, v.ID, "the value taken out is not the one the allocation held")
	require.Equal(t, m.model.Values[id].Payload, v.Payload, "the value taken out lost a write")
	if v.Self != nil {
		v.Self.Drop()
		m.model.DropWeak(m.model.Values[id].SelfAlloc)
	}
}
