package weak_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

// node holds a Weak to its own allocation, the shape NewCyclic exists for.
// Go does not drop fields by itself, so node's Drop gives its Weak back;
// without it the self Weak would keep the allocation live forever.
type node struct {
	self weak.Weak[*node]
	log  *rctest.Journal
}

func (n *node) Drop() {
	if n.log != nil {
		n.log.Record("drop node")
	}
	n.self.Drop()
}

func TestNewCyclicBuildSeesStrongZeroAndCannotUpgrade(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var strongInBuild, weakInBuild int
	var upgradedInBuild bool
	r := weak.NewCyclic(func(self *weak.Weak[*node]) *node {
		strongInBuild = self.StrongCount()
		weakInBuild = self.WeakCount()
		up, ok := self.Upgrade()
		upgradedInBuild = ok
		if ok {
			up.Drop()
		}
		return &node{self: self.Clone()}
	})
	assert.Equal(t, 0, strongInBuild, "inside build the value does not exist yet: strong is 0")
	assert.Equal(t, 0, weakInBuild, "WeakCount is 0 while strong is 0, as in Rust's std")
	assert.False(t, upgradedInBuild, "inside build Upgrade must fail: there is no value to share (I7)")
	r.Drop()
}

func TestNewCyclicWeakClonesUpgradeAfterBuild(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	r := weak.NewCyclic(func(self *weak.Weak[*node]) *node {
		return &node{self: self.Clone()}
	})
	assert.Equal(t, 1, r.StrongCount(), "NewCyclic returns the only strong handle")
	assert.Equal(t, 1, r.WeakCount(),
		"the value's self Weak is the only Weak; the one lent to build was given back")
	n := *r.Get()
	up, ok := n.self.Upgrade()
	require.True(t, ok, "once build returned the value is alive: its self Weak upgrades")
	assert.True(t, rc.PtrEq(&r, &up), "the self Weak points at the value's own allocation")
	up.Drop()
	r.Drop()
	rctest.RequireLive(t, before, 0, "node's Drop gave back its self Weak, so the last drop freed everything")
}

func TestNewCyclicBuildPanicPropagatesLeaksNothingAndDropsNothing(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log rctest.Journal
	before := rc.LiveAllocations()
	require.PanicsWithValue(t, "build failed", func() {
		r := weak.NewCyclic(func(self *weak.Weak[*node]) *node {
			_ = &node{log: &log} // built, then abandoned: no Rc ever owned it
			panic("build failed")
		})
		r.Drop()
	}, "the build function's panic must propagate out of NewCyclic")
	assert.Empty(t, log, "no value was ever stored, so no destructor may run (I2)")
	rctest.RequireLive(t, before, 0,
		"the lent Weak and the reserved implicit weak are both released: nothing leaks (I3, I5)")
}

func TestNewCyclicWeakEscapingAPanickingBuildNeverUpgrades(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	var escaped weak.Weak[*node]
	require.PanicsWithValue(t, "build failed", func() {
		r := weak.NewCyclic(func(self *weak.Weak[*node]) *node {
			escaped = self.Clone()
			panic("build failed")
		})
		r.Drop()
	}, "the build function's panic must propagate out of NewCyclic")
	rctest.RequireLive(t, before, 1, "the escaped Weak keeps the allocation (I3)")
	_, ok := escaped.Upgrade()
	assert.False(t, ok, "no value was ever built: the escaped Weak must never upgrade (I7)")
	assert.Equal(t, 0, escaped.StrongCount(), "no strong handle ever existed")
	escaped.Drop()
	rctest.RequireLive(t, before, 0, "the escaped Weak was the last owner: the allocation is freed (I5)")
}

func TestNewCyclicBuildMayMoveItsWeakIntoTheValue(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	r := weak.NewCyclic(func(self *weak.Weak[*node]) *node {
		return &node{self: self.Move()}
	})
	assert.Equal(t, 1, r.WeakCount(), "the lent Weak moved into the value: one Weak")
	n := *r.Get()
	up, ok := n.self.Upgrade()
	require.True(t, ok, "the moved self Weak upgrades once build returned")
	up.Drop()
	r.Drop()
	rctest.RequireLive(t, before, 0, "NewCyclic must not drop a Weak that build moved away")
}

func TestNewCyclicBuildMayDropItsWeak(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	r := weak.NewCyclic(func(self *weak.Weak[*node]) *node {
		self.Drop()
		return &node{} // its self Weak is dangling: dropping it is fine
	})
	assert.Equal(t, 1, r.StrongCount(), "NewCyclic returns the only strong handle")
	assert.Equal(t, 0, r.WeakCount(), "build dropped the only Weak")
	rctest.RequireLive(t, before, 1, "the reserved implicit weak kept the allocation alive through build")
	r.Drop()
	rctest.RequireLive(t, before, 0, "the last strong drop frees the allocation")
}

func TestNewCyclicSelfReferenceIsReleasedByTheValuesDestructor(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log rctest.Journal
	before := rc.LiveAllocations()
	r := weak.NewCyclic(func(self *weak.Weak[*node]) *node {
		return &node{self: self.Clone(), log: &log}
	})
	c := r.Clone()
	c.Drop()
	assert.Empty(t, log, "a self Weak does not own the value: only strong handles count")
	r.Drop()
	assert.Equal(t, rctest.Journal{"drop node"}, log, "the last strong drop drops the value once")
	rctest.RequireLive(t, before, 0, "the destructor dropped the self Weak, freeing the allocation")
}
