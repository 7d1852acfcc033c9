package model

import (
	"strings"

	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/invariants"
)

// probeOverflow sets the counts of strong handle i's allocation to their
// maximum, one at a time, and checks that every increment is refused with
// I1 and leaves the counts as they were. It restores the true counts before
// it returns, so the model never sees the probe.
func (m *machine) probeOverflow(t require.TestingT, i int) {
	s := m.strongs[i]
	cs, ok := s.h.(CountSetter)
	if !ok {
		return // the implementation does not expose its counts: nothing to probe
	}
	strong, weak := cs.RawCounts()
	w := s.h.Downgrade() // a Weak to probe with; weak + 1 until the end
	defer func() {
		cs.SetRawCounts(strong, weak+1)
		w.Drop()
	}()
	refused := func(what string, f func(), wantStrong, wantWeak int) {
		p := catch(f)
		err, isErr := p.(error)
		require.True(t, isErr && strings.Contains(err.Error(), "count overflow (I1)"),
			"%s with a count at its maximum must be refused as an overflow (I1), not %v", what, p)
		gotStrong, gotWeak := cs.RawCounts()
		require.Equal(t, [2]int{wantStrong, wantWeak}, [2]int{gotStrong, gotWeak},
			"a refused %s must leave the counts as they were", what)
	}
	cs.SetRawCounts(invariants.MaxCount, weak+1)
	refused("Clone", func() { s.h.Clone() }, invariants.MaxCount, weak+1)
	refused("Upgrade", func() { w.Upgrade() }, invariants.MaxCount, weak+1)
	cs.SetRawCounts(strong, invariants.MaxCount)
	refused("Downgrade", func() { s.h.Downgrade() }, strong, invariants.MaxCount)
	refused("Weak.Clone", func() { w.Clone() }, strong, invariants.MaxCount)
}
