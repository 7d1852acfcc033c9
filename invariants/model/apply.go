package model

import "github.com/rcbook/rcbook/invariants"

// apply performs one step on the implementation and the model, checks what
// the step itself returned, and records what it did in the trace. The
// caller runs check afterwards.
func (m *machine) apply(s Step) {
	made := ""
	switch s.Op {
	case OpNew, OpNewWithCleanup, OpNewCyclic, OpClone, OpMove, OpUpgrade:
		made = m.name("s")
	case OpDowngrade, OpDangling, OpWeakClone, OpWeakMove:
		made = m.name("w")
	}
	if s.Op <= OpNewCyclic {
		m.nextID++ // the value the step is about to make
	}
	m.record(s, made)
	m.want, m.got = Answer{}, Answer{}
	switch s.Op {
	case OpNew, OpNewWithCleanup:
		m.new(s, made)
	case OpNewCyclic:
		m.newCyclic(s, made)
	case OpClone:
		src := m.strongs[s.I]
		h := src.h.Clone()
		m.model.Clone(src.alloc)
		m.strongs = append(m.strongs, strongSlot{h, src.alloc, made})
	case OpMove:
		slot := &m.strongs[s.I]
		old, oldName := slot.h, slot.name
		slot.h, slot.name = old.Move(), made
		if !old.IsEmpty() {
			failf("", "an empty handle", "a handle that still owns", "%s after %s := %s.Move()", oldName, made, oldName)
		}
	case OpDrop:
		m.dropStrong(s.I)
	case OpDowngrade:
		src := m.strongs[s.I]
		w := src.h.Downgrade()
		m.model.Downgrade(src.alloc)
		m.weaks = append(m.weaks, weakSlot{w, src.alloc, made})
	case OpDangling:
		m.weaks = append(m.weaks, weakSlot{m.impl.Dangling(), -1, made})
	case OpWeakClone:
		src := m.weaks[s.I]
		h := src.h.Clone()
		if src.alloc >= 0 {
			m.model.Downgrade(src.alloc)
		}
		m.weaks = append(m.weaks, weakSlot{h, src.alloc, made})
	case OpWeakMove:
		m.weaks[s.I].h, m.weaks[s.I].name = m.weaks[s.I].h.Move(), made
	case OpWeakDrop:
		m.dropWeak(s.I)
	case OpUpgrade:
		m.upgrade(s.I, made)
	case OpGetMut:
		m.getMut(s.I)
	case OpMakeMut:
		m.makeMut(s.I)
	case OpTryUnwrap:
		m.tryUnwrap(s.I)
	case OpIntoInner:
		m.intoInner(s.I)
	case OpPtrEq:
		a, b := m.strongs[s.I], m.strongs[s.J]
		want, got := a.alloc == b.alloc, a.h.PtrEq(b.h)
		m.want.OK, m.got.OK = want, got
		if got != want {
			failf("", want, got, "rc.PtrEq(%s, %s): true exactly for the same allocation", a.name, b.name)
		}
	case OpWeakPtrEq:
		a, b := m.weaks[s.I], m.weaks[s.J]
		want, got := a.alloc == b.alloc, a.h.PtrEq(b.h)
		m.want.OK, m.got.OK = want, got
		if got != want {
			failf("", want, got, "rc.WeakPtrEq(%s, %s): true for the same allocation, or both dangling", a.name, b.name)
		}
	case OpProbeOverflow:
		m.probeOverflow(s.I)
	}
}

// record notes the step in the trace, with the names it refers to now.
func (m *machine) record(s Step, made string) {
	k := taken{step: s, made: made, id: m.nextID}
	switch s.Op {
	case OpClone, OpMove, OpDrop, OpDowngrade, OpGetMut, OpMakeMut, OpTryUnwrap, OpIntoInner, OpProbeOverflow, OpPtrEq:
		k.ni = m.strongs[s.I].name
		if s.Op == OpPtrEq {
			k.nj = m.strongs[s.J].name
		}
	case OpWeakClone, OpWeakMove, OpWeakDrop, OpUpgrade, OpWeakPtrEq:
		k.ni = m.weaks[s.I].name
		if s.Op == OpWeakPtrEq {
			k.nj = m.weaks[s.J].name
		}
	}
	m.trace = append(m.trace, k)
}

func (m *machine) newValue(s Step) Value {
	v := Value{ID: m.nextID, Payload: m.nextID, Panics: s.Panics, log: m.log}
	m.model.Values[v.ID] = &ValueState{SelfAlloc: -1, Payload: v.Payload, Panics: v.Panics}
	return v
}

func (m *machine) new(s Step, made string) {
	v := m.newValue(s)
	var h Strong
	if s.Op == OpNewWithCleanup {
		m.model.Values[v.ID].Cleanup = true
		h = m.impl.NewWithCleanup(v, func(v Value) { m.log.Cleanups[v.ID]++ })
	} else {
		h = m.impl.New(v)
	}
	m.strongs = append(m.strongs, strongSlot{h, m.model.Alloc(v.ID), made})
}

// newCyclic builds a value that holds a Weak to its own allocation. Its
// destructor will try to upgrade that Weak (which must fail) and drop it,
// from inside the drop of the very allocation it points at.
func (m *machine) newCyclic(s Step, made string) {
	v := m.newValue(s)
	a := len(m.model.Allocs) // the allocation NewCyclic is about to make
	var escaped Weak
	build := func(self Weak) Value {
		strong, weak := self.StrongCount(), self.WeakCount()
		up, ok := self.Upgrade()
		m.got.BuildStrong, m.got.BuildWeak, m.got.BuildUpgraded = strong, weak, ok
		if strong != 0 {
			failf(invariants.I7, 0, strong, "StrongCount inside build: the value does not exist yet")
		}
		if weak != 0 {
			failf(invariants.I4, 0, weak, "WeakCount inside build: 0 while no strong handle exists")
		}
		if ok {
			up.Drop()
			failf(invariants.I7, false, true, "Upgrade inside build: the value does not exist yet")
		}
		if s.Escape {
			escaped = self.Clone()
		}
		if s.BuildPanics {
			panic(errBuildPanic)
		}
		v.OwnSelf = true
		if s.MoveSelf {
			v.Self = self.Move()
		} else {
			v.Self = self.Clone()
		}
		return v
	}
	var h Strong
	p := catch(func() { h = m.impl.NewCyclic(build) })
	m.want.Panicked, m.got.Panicked = s.BuildPanics, p != nil
	if s.BuildPanics {
		if p != errBuildPanic {
			failf("", errBuildPanic, p, "what NewCyclic panics with when build panics: build's own panic")
		}
		delete(m.model.Values, v.ID) // never built: no destructor may run
		m.model.Allocs = append(m.model.Allocs, Alloc{Value: -1})
	} else {
		if p != nil {
			panic(p) // not the harness's own panic: let it speak for itself
		}
		m.model.Values[v.ID].SelfAlloc = a
		m.model.Alloc(v.ID)  // allocation a
		m.model.Downgrade(a) // the value's Self
		m.strongs = append(m.strongs, strongSlot{h, a, made})
	}
	if s.Escape {
		m.model.Downgrade(a)
		name := m.name("w")
		m.trace[len(m.trace)-1].escaped = name
		m.weaks = append(m.weaks, weakSlot{escaped, a, name})
	}
}

// dropStrong drops strong handle i. A destructor that panics must still
// finish the drop (the model carries on as usual), and the panic must reach
// the caller of Drop.
func (m *machine) dropStrong(i int) {
	s := m.strongs[i]
	m.removeStrong(i)
	a := m.model.Allocs[s.alloc]
	lastPanics := a.Strong == 1 && m.model.Values[a.Value].Panics
	p := catch(s.h.Drop)
	m.want.Panicked, m.got.Panicked = lastPanics, p != nil
	if lastPanics {
		if p != ErrDestructorPanic {
			failf("", ErrDestructorPanic, p, "what %s.Drop panics with when the destructor panics: the destructor's own panic", s.name)
		}
	} else if p != nil {
		panic(p)
	}
	if !s.h.IsEmpty() {
		failf("", "an empty handle", "a handle that still owns", "%s after Drop", s.name)
	}
	m.model.DropStrong(s.alloc)
}

func (m *machine) dropWeak(i int) {
	w := m.weaks[i]
	m.removeWeak(i)
	w.h.Drop()
	if w.alloc >= 0 {
		m.model.DropWeak(w.alloc)
	}
}

func (m *machine) upgrade(i int, made string) {
	w := m.weaks[i]
	want := w.alloc >= 0 && m.model.Upgrade(w.alloc)
	h, ok := w.h.Upgrade()
	m.want.OK, m.got.OK = want, ok
	if ok != want {
		failf(invariants.I7, want, ok, "%s.Upgrade must succeed exactly while the value is alive, strong > 0", w.name)
	}
	if !ok {
		if !h.IsEmpty() {
			failf("", "an empty handle", "a handle that owns", "what a failed %s.Upgrade returns", w.name)
		}
		return
	}
	m.strongs = append(m.strongs, strongSlot{h, w.alloc, made})
}
