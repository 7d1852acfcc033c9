package rc_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

// MakeMut is the one Rc operation that calls user code (the clone function)
// while it holds a header it is about to decrement. Rust's borrow checker
// makes re-entering through the same handle impossible; in Go it is a
// misuse that must be refused or survived, never turned into a dropped value
// behind another, correctly counted handle.

func TestMakeMutCloneThatDropsAnotherHandleStillLeavesEveryoneCounted(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log rctest.Journal
	before := rc.LiveAllocations()
	r := rc.New(rctest.Resource{Name: "orig", Log: &log})
	other := r.Clone()
	p := r.MakeMut(func(v rctest.Resource) rctest.Resource {
		other.Drop() // legal: other is a handle of its own
		v.Name = "copy"
		return v
	})
	assert.Equal(t, "copy", p.Name, "r owns the clone")
	assert.Equal(t, rctest.Journal{"drop orig"}, log,
		"the clone function dropped the other owner, so MakeMut's own release was the last: the original drops once")
	r.Drop()
	assert.Equal(t, rctest.Journal{"drop orig", "drop copy"}, log, "each value drops exactly once")
	rctest.RequireLive(t, before, 0, "nothing leaks")
}

// A clone function that drops, moves or replaces the very handle MakeMut runs
// on used to make MakeMut release that handle's share a second time, dropping
// the value under another, correctly counted handle. MakeMut now checks the
// handle after clone returns and refuses before it counts anything.
func TestMakeMutRefusesACloneThatDropsTheHandleItself(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log rctest.Journal
	before := rc.LiveAllocations()
	r := rc.New(rctest.Resource{Name: "orig", Log: &log})
	other := r.Clone()
	require.PanicsWithError(t, "rc: MakeMut: the clone function dropped, moved or replaced the handle", func() {
		r.MakeMut(func(v rctest.Resource) rctest.Resource {
			r.Drop() // misuse: the handle MakeMut runs on gives up its share mid-call
			v.Name = "copy"
			return v
		})
	}, "MakeMut must notice that its own handle changed under it")
	assert.Empty(t, log, "`other` was cloned properly and never dropped: the original must still be alive")
	assert.True(t, r.IsEmpty(), "r was dropped by the clone function")
	assert.Equal(t, 1, other.StrongCount(), "only r's own Drop was counted, once")
	assert.Equal(t, "orig", other.Get().Name, "`other` keeps the original value")
	other.Drop()
	assert.Equal(t, rctest.Journal{"drop orig"}, log, "the original drops once, with its last counted owner")
	rctest.RequireLive(t, before, 0, "nothing leaks and nothing is freed twice")
}

func TestMakeMutRefusesACloneThatMovesTheHandleItself(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log rctest.Journal
	before := rc.LiveAllocations()
	r := rc.New(rctest.Resource{Name: "orig", Log: &log})
	other := r.Clone()
	var stolen rc.Rc[rctest.Resource]
	require.PanicsWithError(t, "rc: MakeMut: the clone function dropped, moved or replaced the handle", func() {
		r.MakeMut(func(v rctest.Resource) rctest.Resource {
			stolen = r.Move()
			return v
		})
	})
	assert.Equal(t, 2, other.StrongCount(), "Move changes no count, and MakeMut counted nothing")
	stolen.Drop()
	other.Drop()
	assert.Equal(t, rctest.Journal{"drop orig"}, log, "the original drops once")
	rctest.RequireLive(t, before, 0, "nothing leaks")
}
