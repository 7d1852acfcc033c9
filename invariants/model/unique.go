package model

import (
	"fmt"

	"github.com/rcbook/rcbook/invariants"
)

func (m *machine) getMut(i int) {
	s := m.strongs[i]
	p, ok := s.h.GetMut()
	a := m.model.Allocs[s.alloc]
	want := m.model.Unique(s.alloc)
	m.want.OK, m.got.OK = want, ok
	if ok != want {
		failf(invariants.I6, want, ok, "%s.GetMut (strong %d, weak %d) must succeed exactly when strong == 1 and no Weak exists",
			s.name, a.Strong, a.Weak)
	}
	if !ok {
		if p != nil {
			failf("", "nil", "a pointer", "what a refused %s.GetMut returns", s.name)
		}
		return
	}
	p.Payload += 100
	m.model.Values[a.Value].Payload = p.Payload
}

func (m *machine) makeMut(i int) {
	s := m.strongs[i]
	kind := m.model.MakeMutCase(s.alloc)
	cloned := 0
	clone := func(v Value) Value {
		if kind != CloneOut {
			failf(invariants.I6, "no clone", "a call to clone", "%s.MakeMut may clone only while other strong handles exist", s.name)
		}
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
		if cloned == 0 {
			failf("", "a call to clone", "none", "%s.MakeMut must clone while other strong handles exist", s.name)
		}
		if m.model.DropStrong(s.alloc) {
			panic("model: MakeMut's clone case dropped the original") // the model's own bug, never the implementation's
		}
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

func (m *machine) tryUnwrap(i int) {
	s := m.strongs[i]
	want := m.model.Allocs[s.alloc].Strong == 1
	v, ok := s.h.TryUnwrap()
	m.want.OK, m.got.OK = want, ok
	if ok != want {
		failf(invariants.I6, want, ok, "%s.TryUnwrap must succeed exactly when strong == 1, whatever the Weaks", s.name)
	}
	if !ok {
		if s.h.IsEmpty() {
			failf("", "the handle as it was", "an empty handle", "%s after a failed TryUnwrap", s.name)
		}
		return
	}
	m.removeStrong(i)
	m.takeBack(s, v)
}

func (m *machine) intoInner(i int) {
	s := m.strongs[i]
	m.removeStrong(i)
	want := m.model.Allocs[s.alloc].Strong == 1
	v, ok := s.h.IntoInner()
	m.want.OK, m.got.OK = want, ok
	if ok != want {
		failf(invariants.I6, want, ok, "%s.IntoInner returns the value exactly to the last strong handle", s.name)
	}
	if ok {
		m.takeBack(s, v)
		return
	}
	if !s.h.IsEmpty() {
		failf("", "an empty handle", "a handle that still owns", "%s after IntoInner, which always consumes its handle", s.name)
	}
	if m.model.DropStrong(s.alloc) {
		panic("model: IntoInner on a shared value dropped it") // the model's own bug, never the implementation's
	}
}

// takeBack checks a value that TryUnwrap or IntoInner handed back, then
// does what its new owner must: give up the Weak it carries.
func (m *machine) takeBack(s strongSlot, v Value) {
	if !s.h.IsEmpty() {
		failf("", "an empty handle", "a handle that still owns", "%s after taking its value out", s.name)
	}
	id := m.model.Take(s.alloc)
	want := m.model.Values[id].Payload
	m.want.Value, m.want.Payload = id, want
	m.got.Value, m.got.Payload = v.ID, v.Payload
	if v.ID != id || v.Payload != want {
		failf(invariants.I2, fmt.Sprintf("v%d holding %d", id, want), fmt.Sprintf("v%d holding %d", v.ID, v.Payload),
			"the value %s handed back", s.name)
	}
	if v.Self != nil {
		v.Self.Drop()
		m.model.DropWeak(m.model.Values[id].SelfAlloc)
	}
}
