package weak_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

// selfWatcher's destructor looks at its own allocation through the Weak it
// stores, then drops that Weak: the re-entrant case the order of the last
// strong drop exists for (strong → 0, drop the value, then release the
// implicit weak).
type selfWatcher struct {
	self       weak.Weak[*selfWatcher]
	drops      int
	upgraded   bool
	strongSeen int
	weakSeen   int
}

func (s *selfWatcher) Drop() {
	s.drops++
	s.strongSeen = s.self.StrongCount()
	s.weakSeen = s.self.WeakCount()
	if up, ok := s.self.Upgrade(); ok {
		s.upgraded = true
		up.Drop()
	}
	s.self.Drop() // may bring weak to the implicit weak alone: must not free yet
}

func TestDestructorDroppingItsOwnWeakDoesNotFreeTooEarly(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	s := &selfWatcher{}
	r := rc.New(s)
	s.self = weak.Downgrade(&r)
	require.NotPanics(t, r.Drop,
		"the allocation must stay live while its destructor runs, whatever Weaks it drops")
	assert.Equal(t, 1, s.drops, "the destructor runs exactly once (I2)")
	assert.False(t, s.upgraded, "strong is 0 before the destructor runs: Upgrade from inside must fail (I7)")
	assert.Equal(t, 0, s.strongSeen, "the destructor sees strong == 0")
	assert.Equal(t, 0, s.weakSeen, "WeakCount is 0 once strong is 0")
	rctest.RequireLive(t, before, 0, "after the destructor the implicit weak is released and the allocation freed")
}

func TestDestructorOfANewCyclicValueDroppingItsOwnWeak(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	var s *selfWatcher
	r := weak.NewCyclic(func(self *weak.Weak[*selfWatcher]) *selfWatcher {
		s = &selfWatcher{self: self.Clone()}
		return s
	})
	require.NotPanics(t, r.Drop, "the destructor may drop the value's self Weak")
	assert.Equal(t, 1, s.drops, "the destructor runs exactly once (I2)")
	assert.False(t, s.upgraded, "Upgrade from inside the destructor must fail (I7)")
	rctest.RequireLive(t, before, 0, "the allocation is freed after the destructor")
}

func TestDestructorWithAnotherWeakOutstandingLeavesTheAllocationToIt(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	s := &selfWatcher{}
	r := rc.New(s)
	s.self = weak.Downgrade(&r)
	outside := weak.Downgrade(&r)
	r.Drop()
	assert.Equal(t, 1, s.drops, "the destructor runs exactly once (I2)")
	assert.False(t, s.upgraded, "Upgrade from inside the destructor must fail (I7)")
	rctest.RequireLive(t, before, 1, "the outside Weak still owns the allocation (I3)")
	_, ok := outside.Upgrade()
	assert.False(t, ok, "the value is dead: the outside Weak cannot upgrade (I7)")
	outside.Drop()
	rctest.RequireLive(t, before, 0, "the outside Weak was the last owner: freed (I5)")
}
