package model

import (
	"errors"

	"github.com/rcbook/rcbook/invariants"
)

// StaleCopier is implemented by an Impl that can copy a handle without
// Clone, as `c := *h` does in Go: the copy shares the allocation and is
// counted nowhere. It lets the harness take the misuse steps (OpStaleCopy
// and the rest), which check that the header checks refuse such a copy
// once its allocation has moved on: the value dropped or moved out, the
// allocation freed, or its header reused by a pool. Without it, or in a
// build without the checks (-tags rcrelease, invariants.Enabled false),
// the harness never offers them: there the use is undefined behaviour,
// which no model can prescribe.
type StaleCopier interface {
	UncountedCopy(s Strong) Strong
	UncountedWeakCopy(w Weak) Weak
}

// misuses reports whether the harness takes the misuse steps on impl.
func misuses(impl Impl) bool {
	_, ok := impl.(StaleCopier)
	return ok && invariants.Enabled
}

func (m *machine) staleCopy(i int, made string) {
	s := m.strongs[i]
	c := m.impl.(StaleCopier).UncountedCopy(s.h)
	m.stales = append(m.stales, strongSlot{c, s.alloc, made})
}

// weakStaleCopy makes a Weak counted nowhere from strong handle i: a
// Downgrade, a copy of the Weak made without Clone, and the Drop of the
// Weak, whose unit the copy still seems to hold. It is one step, not
// three, so that the explorer reaches a pool's reuse of the header within
// its depth.
func (m *machine) weakStaleCopy(i int, made string) {
	s := m.strongs[i]
	w := s.h.Downgrade()
	c := m.impl.(StaleCopier).UncountedWeakCopy(w)
	w.Drop()
	m.staleWeaks = append(m.staleWeaks, weakSlot{c, s.alloc, made})
}

// staleRule is the rule the checks must cite when stale strong copy i is
// used, or "" while the copy cannot be told from a counted handle (its
// allocation's value still lives) and no use may be tried.
func (m *machine) staleRule(i int) invariants.ID {
	a := m.model.Allocs[m.stales[i].alloc]
	switch {
	case a.Strong > 0:
		return "" // other strong handles keep the value: the copy works as theirs do
	case a.Live():
		return invariants.I2 // the value is gone, the Weaks keep the allocation
	}
	return invariants.I5 // freed, and perhaps reused by a pool
}

// weakStaleRule is staleRule for stale weak copy i used as u: a freed
// allocation refuses every use (I5); while the value lives, a Drop with no
// counted Weak left would take the implicit weak's unit (I4). Any other use
// cannot be told from a counted Weak's.
func (m *machine) weakStaleRule(i int, u Use) invariants.ID {
	if m.staleWeaks[i].alloc < 0 {
		return "" // a copy of a dangling Weak is as harmless as the original
	}
	a := m.model.Allocs[m.staleWeaks[i].alloc]
	switch {
	case !a.Live():
		return invariants.I5
	case u == UseDrop && a.Strong > 0 && a.Weak == 0:
		return invariants.I4
	}
	return ""
}

// staleUse uses stale strong copy i as u, which must be refused with an
// *invariants.Error citing staleRule and change nothing: the check after
// the step compares every count, value and live allocation with the model.
func (m *machine) staleUse(i int, u Use) {
	c := m.stales[i]
	want := m.staleRule(i)
	if want == "" {
		return // not a misuse the checks can see: the use is not taken
	}
	noClone := func(Value) Value {
		failf(want, "a refusal before clone is called", "a call to clone", "%s.MakeMut through a stale copy", c.name)
		return Value{}
	}
	var made Strong
	var w Weak
	p := catch(func() {
		switch u {
		case UseGet:
			c.h.Get()
		case UseCount:
			c.h.StrongCount()
		case UseClone:
			made = c.h.Clone()
		case UseMove:
			made = c.h.Move()
		case UseDrop:
			c.h.Drop()
		case UseDowngrade:
			w = c.h.Downgrade()
		case UseGetMut:
			c.h.GetMut()
		case UseMakeMut:
			c.h.MakeMut(noClone)
		case UseTryUnwrap:
			c.h.TryUnwrap()
		case UseIntoInner:
			c.h.IntoInner()
		}
	})
	m.refused(p, want, c.name+"."+u.String())
	_, _ = made, w // a refused call returns nothing to keep
}

// weakStaleUse is staleUse for stale weak copy i.
func (m *machine) weakStaleUse(i int, u Use) {
	c := m.staleWeaks[i]
	want := m.weakStaleRule(i, u)
	if want == "" {
		return // not a misuse the checks can see: the use is not taken
	}
	p := catch(func() {
		switch u {
		case UseCount:
			c.h.StrongCount()
		case UseClone:
			c.h.Clone()
		case UseMove:
			c.h.Move()
		case UseDrop:
			c.h.Drop()
		case UseUpgrade:
			c.h.Upgrade()
		}
	})
	m.refused(p, want, c.name+"."+u.String())
	if u == UseDrop && want == invariants.I4 {
		// Refused with the value alive, a Drop may still mark the copy as
		// used up (rc's does, before it reaches the count): the harness
		// uses it no more, as if it pointed nowhere, so either way is
		// accepted. The copy keeps its place: the other observers' indices
		// stay as they were.
		m.staleWeaks[i].alloc = -1
	}
}

// refused checks that a misuse panicked with an *invariants.Error citing
// rule.
func (m *machine) refused(p any, rule invariants.ID, what string) {
	err, _ := p.(error)
	var refusal *invariants.Error
	m.want.Panicked, m.got.Panicked = true, p != nil
	if !errors.As(err, &refusal) {
		if p == nil {
			p = "no refusal"
		}
		failf(rule, "a refusal, an *invariants.Error", p, "%s through a copy made without Clone, once its allocation moved on", what)
	}
	if got := refusal.Rule(); got != rule {
		failf(rule, rule, got, "the rule %s's refusal cites", what)
	}
}

// staleUsable lists the stale strong copies whose use the checks must
// refuse now.
func (m *machine) staleUsable() []int {
	var out []int
	for i := range m.stales {
		if m.staleRule(i) != "" {
			out = append(out, i)
		}
	}
	return out
}

// weakStaleUsable lists the stale weak copies with a use the checks must
// refuse now, and for each the uses.
func (m *machine) weakStaleUsable() (out []int, uses [][]Use) {
	for i := range m.staleWeaks {
		var us []Use
		for _, u := range weakUses {
			if m.weakStaleRule(i, u) != "" {
				us = append(us, u)
			}
		}
		if len(us) > 0 {
			out = append(out, i)
			uses = append(uses, us)
		}
	}
	return out, uses
}

// noteFreed records when each allocation a stale copy points at was freed.
func (m *machine) noteFreed() {
	note := func(a int) {
		if _, done := m.freedAt[a]; !done && a >= 0 && !m.model.Allocs[a].Live() {
			if m.freedAt == nil {
				m.freedAt = map[int]int{}
			}
			m.freedAt[a] = len(m.model.Allocs)
		}
	}
	for _, c := range m.stales {
		note(c.alloc)
	}
	for _, c := range m.staleWeaks {
		note(c.alloc)
	}
}

// reuses is what the explorer's key must tell apart about freed allocation
// a that a stale copy points at: whether allocations were made since it
// was freed (0, 1, or 2 for more), since a pool may have given its header
// to one of them, and the copy must then be refused all the same.
func (m *machine) reuses(a int) int {
	at, ok := m.freedAt[a]
	if !ok {
		return 0
	}
	return min(len(m.model.Allocs)-at, 2)
}
