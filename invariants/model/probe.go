package model

import (
	"errors"

	"github.com/rcbook/rcbook/invariants"
)

// probeOverflow sets the counts of strong handle i's allocation to their
// maximum, one at a time, and checks that every increment is refused with
// I1 and leaves the counts as they were. It restores the true counts before
// it returns, so the model never sees the probe. It needs an Impl that is a
// CountSetter; enabled offers it only then.
func (m *machine) probeOverflow(i int) {
	s := m.strongs[i]
	cs, ok := m.impl.(CountSetter)
	if !ok {
		return // the implementation does not expose its counts: nothing to probe
	}
	strong, weak := cs.RawCounts(s.h)
	w := s.h.Downgrade() // a Weak to probe with; weak + 1 until the end
	defer func() {
		cs.SetRawCounts(s.h, strong, weak+1)
		w.Drop()
	}()
	refused := func(what string, f func(), wantStrong, wantWeak int) {
		p := catch(f)
		err, _ := p.(error)
		var refusal *invariants.Error
		if !errors.As(err, &refusal) || refusal.Rule() != invariants.I1 {
			failf(invariants.I1, "a refusal as a count overflow", p, "%s with a count at its maximum", what)
		}
		if gotStrong, gotWeak := cs.RawCounts(s.h); gotStrong != wantStrong || gotWeak != wantWeak {
			failf(invariants.I1, [2]int{wantStrong, wantWeak}, [2]int{gotStrong, gotWeak}, "raw counts after a refused %s", what)
		}
	}
	cs.SetRawCounts(s.h, invariants.MaxCount, weak+1)
	refused("Clone", func() { s.h.Clone() }, invariants.MaxCount, weak+1)
	refused("Upgrade", func() { w.Upgrade() }, invariants.MaxCount, weak+1)
	cs.SetRawCounts(s.h, strong, invariants.MaxCount)
	refused("Downgrade", func() { s.h.Downgrade() }, strong, invariants.MaxCount)
	refused("Weak.Clone", func() { w.Clone() }, strong, invariants.MaxCount)
}
