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

func (m *machine) makeMut(i int, dropOthers bool) {
	s := m.strongs[i]
	kind := m.model.MakeMutCase(s.alloc)
	orig := m.model.Allocs[s.alloc].Value
	cloned := 0
	clone := func(v Value) Value {
		if kind != CloneOut {
			failf(invariants.I6, "no clone", "a call to clone", "%s.MakeMut may clone only while other strong handles exist", s.name)
		}
		if cloned != 0 {
			failf("", "one call to clone", "a second", "%s.MakeMut clones at most once", s.name)
		}
		m.nextID++
		cloned = m.nextID
		copied := *m.model.Values[orig]
		copied.ID, copied.Twin = cloned, false
		m.model.Values[cloned] = &copied
		n := v
		n.ID = cloned
		n.OwnSelf = false // the clone's Self still points at the original allocation
		if v.Self != nil {
			n.Self = v.Self.Clone()
		}
		if dropOthers {
			m.dropOthers(s)
		}
		return n
	}
	var p *Value
	var want error
	if dropOthers && kind == CloneOut {
		want = m.dropPanic(orig) // MakeMut's own release of the original is the last
	}
	caught := catch(func() { p = s.h.MakeMut(clone) })
	i = m.strongIndex(s) // the clone may have dropped handles before i
	m.checkDropPanic(want, caught, s.name+".MakeMut")
	switch kind {
	case CloneOut:
		if cloned == 0 {
			failf("", "a call to clone", "none", "%s.MakeMut must clone while other strong handles exist", s.name)
		}
		if m.model.DropStrong(s.alloc) != dropOthers {
			panic("model: MakeMut's clone case dropped the original, or failed to") // the model's own bug, never the implementation's
		}
		if self := m.model.Values[cloned].SelfAlloc; self >= 0 {
			m.model.Downgrade(self) // the clone's own Self Weak
		}
		m.strongs[i].alloc = m.model.Alloc(cloned)
		if caught != nil {
			return // the destructor's panic ended MakeMut: no pointer to write through
		}
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
	key := m.model.Take(s.alloc)
	id, want := m.model.Values[key].ID, m.model.Values[key].Payload
	m.want.Value, m.want.Payload = id, want
	m.got.Value, m.got.Payload = v.ID, v.Payload
	if v.ID != id || v.Payload != want {
		failf(invariants.I2, fmt.Sprintf("v%d holding %d", id, want), fmt.Sprintf("v%d holding %d", v.ID, v.Payload),
			"the value %s handed back", s.name)
	}
	if v.Self != nil {
		v.Self.Drop()
		m.model.DropWeak(m.model.Values[key].SelfAlloc)
	}
}

// dropOthers drops every strong handle to s's allocation but s, as a clone
// function that reaches other owners would. None of them is the last: s
// still holds its share.
func (m *machine) dropOthers(s strongSlot) {
	for j := len(m.strongs) - 1; j >= 0; j-- {
		if o := m.strongs[j]; o.alloc == s.alloc && o.h != s.h {
			m.removeStrong(j)
			o.h.Drop()
			m.model.DropStrong(o.alloc)
		}
	}
}

// strongIndex is the index of slot s among the strong handles now.
func (m *machine) strongIndex(s strongSlot) int {
	for j, o := range m.strongs {
		if o.h == s.h {
			return j
		}
	}
	panic("model: a strong handle went missing") // the model's own bug
}
