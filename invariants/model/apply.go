package model

import (
	"errors"

	"github.com/rcbook/rcbook/invariants"
)

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
	case OpStaleCopy, OpWeakStaleCopy:
		made = m.name("c")
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
		m.makeMut(s.I, s.CloneDrops)
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
	case OpStaleCopy:
		m.staleCopy(s.I, made)
	case OpWeakStaleCopy:
		m.weakStaleCopy(s.I, made)
	case OpStaleUse:
		m.staleUse(s.I, s.Use)
	case OpWeakStaleUse:
		m.weakStaleUse(s.I, s.Use)
	}
	if len(m.stales)+len(m.staleWeaks) > 0 {
		m.noteFreed()
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
	case OpStaleCopy, OpWeakStaleCopy:
		k.ni = m.strongs[s.I].name
	case OpStaleUse:
		k.ni = m.stales[s.I].name
	case OpWeakStaleUse:
		k.ni = m.staleWeaks[s.I].name
	}
	m.trace = append(m.trace, k)
}

// newValue makes the value of a step that makes one, under the model's
// key m.nextID. A twin shows the ID and payload of the value made just
// before it, so that the two are equal as Go compares them.
func (m *machine) newValue(s Step) Value {
	key := m.nextID
	v := Value{ID: key, Payload: key, Panics: s.Panics, log: m.log}
	if prev, ok := m.model.Values[key-1]; ok && s.Twin {
		v.ID, v.Payload, v.Panics = prev.ID, prev.Payload, prev.Panics
		prev.Twin = true
		m.twins++
	}
	m.model.Values[key] = &ValueState{ID: v.ID, SelfAlloc: -1, Payload: v.Payload, Panics: v.Panics, Twin: v.ID != key}
	return v
}

// ErrCleanupPanic is the panic value of a cleanup that panics
// (Step.CleanupPanics).
var ErrCleanupPanic = errors.New("model: cleanup panicked on purpose")

func (m *machine) new(s Step, made string) {
	v := m.newValue(s)
	key := m.nextID
	var h Strong
	if s.Op == OpNewWithCleanup {
		st := m.model.Values[key]
		st.Cleanup, st.CleanupPanics = true, s.CleanupPanics
		panics := s.CleanupPanics
		h = m.impl.NewWithCleanup(v, func(v Value) {
			m.log.Cleanups[v.ID]++
			if panics {
				panic(ErrCleanupPanic)
			}
		})
	} else {
		h = m.impl.New(v)
	}
	m.strongs = append(m.strongs, strongSlot{h, m.model.Alloc(key), made})
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
	var want error
	if a.Strong == 1 {
		want = m.dropPanic(a.Value)
	}
	p := catch(s.h.Drop)
	m.checkDropPanic(want, p, s.name+".Drop")
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

// dropPanic is what dropping value key must panic with: the destructor's
// panic if it panics, else the cleanup's if that panics, else nil. The
// destructor runs after a panicking cleanup (deferred), and a panic raised
// while another unwinds replaces it, so the destructor's wins.
func (m *machine) dropPanic(key int) error {
	v := m.model.Values[key]
	switch {
	case v.Panics:
		return ErrDestructorPanic
	case v.CleanupPanics:
		return ErrCleanupPanic
	}
	return nil
}

// checkDropPanic checks that an operation that dropped a value (or did not)
// panicked with want, or not at all when want is nil. Any other panic is
// the implementation's own, and goes on up.
func (m *machine) checkDropPanic(want error, p any, what string) {
	m.want.Panicked, m.got.Panicked = want != nil, p != nil
	switch {
	case want == nil && p != nil:
		panic(p)
	case want != nil && p != want:
		failf("", want, p, "what %s panics with when the value's destructor or cleanup panics: that panic, after the drop completed", what)
	}
}
