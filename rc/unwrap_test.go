package rc_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

func TestTryUnwrapTakesTheValueOutOfTheLastStrongHandle(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log rctest.Journal
	before := rc.LiveAllocations()
	r := rc.NewWithCleanup(rctest.Resource{Name: "file", Log: &log}, recordCleanup(&log))
	v, ok := r.TryUnwrap()
	require.True(t, ok, "strong == 1: TryUnwrap must succeed")
	assert.Equal(t, "file", v.Name, "TryUnwrap returns the value")
	assert.True(t, r.IsEmpty(), "TryUnwrap consumes the handle")
	assert.Empty(t, log, "the caller owns the value now: neither cleanup nor Drop may run")
	rctest.RequireLive(t, before, 0, "no Weak: the allocation is freed at once (I5)")
}

func TestTryUnwrapSucceedsEvenWhileWeaksExist(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	// Unlike GetMut, TryUnwrap needs only strong == 1 (I6): it takes the
	// value out, so a Weak can only find it gone.
	var log rctest.Journal
	before := rc.LiveAllocations()
	r := rc.New(rctest.Resource{Name: "file", Log: &log})
	w := weak.Downgrade(&r)
	v, ok := r.TryUnwrap()
	require.True(t, ok, "strong == 1 with a Weak: TryUnwrap must still succeed")
	assert.Equal(t, "file", v.Name, "TryUnwrap returns the value")
	_, upgraded := w.Upgrade()
	assert.False(t, upgraded, "the value left the allocation: the Weak must not upgrade (I7)")
	assert.Equal(t, 0, w.StrongCount(), "no strong handle remains")
	assert.Empty(t, log, "the value was moved out, not dropped")
	rctest.RequireLive(t, before, 1, "the Weak keeps the allocation alive (I3)")
	w.Drop()
	rctest.RequireLive(t, before, 0, "the last Weak frees the allocation (I5)")
	assert.Empty(t, log, "freeing the allocation does not drop a value that moved out")
}

func TestTryUnwrapFailsWhileSharedAndLeavesTheHandleUnchanged(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log rctest.Journal
	r := rc.New(rctest.Resource{Name: "file", Log: &log})
	other := r.Clone()
	v, ok := r.TryUnwrap()
	assert.False(t, ok, "strong == 2: the value cannot be taken from the other handle")
	assert.Equal(t, rctest.Resource{}, v, "a failed TryUnwrap returns the zero value")
	assert.False(t, r.IsEmpty(), "a failed TryUnwrap must not consume the handle")
	assert.True(t, rc.PtrEq(&r, &other), "the handle still points at its allocation")
	requireCounts(t, &r, 2, 0, "a failed TryUnwrap changes no count")
	assert.Equal(t, "file", r.Get().Name, "the value is untouched")
	other.Drop()
	r.Drop()
	assert.Equal(t, rctest.Journal{"drop file"}, log, "the value is dropped once, by the last Drop")
}

func TestIntoInnerAlwaysConsumesTheHandle(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	r := rc.New(9)
	other := r.Clone()
	v, ok := r.IntoInner()
	assert.False(t, ok, "another strong handle exists: IntoInner cannot return the value")
	assert.Equal(t, 0, v, "without the value IntoInner returns the zero value")
	assert.True(t, r.IsEmpty(), "IntoInner consumes the handle even when it gets no value")
	requireCounts(t, &other, 1, 0, "IntoInner dropped r's share")
	v, ok = other.IntoInner()
	assert.True(t, ok, "the last strong handle gets the value")
	assert.Equal(t, 9, v, "IntoInner returns the value")
	assert.True(t, other.IsEmpty(), "IntoInner consumes the handle")
	rctest.RequireLive(t, before, 0, "the allocation is freed")
}

// orders returns every permutation of 0..n-1.
func orders(n int) [][]int {
	if n == 0 {
		return [][]int{{}}
	}
	var all [][]int
	for _, rest := range orders(n - 1) {
		for at := 0; at <= len(rest); at++ {
			o := append(append(append([]int{}, rest[:at]...), n-1), rest[at:]...)
			all = append(all, o)
		}
	}
	return all
}

func TestIntoInnerGivesTheValueToExactlyOneOwnerInAnyOrder(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	const owners = 4
	for _, order := range orders(owners) {
		t.Run(fmt.Sprint(order), func(t *testing.T) {
			var log rctest.Journal
			before := rc.LiveAllocations()
			hs := make([]rc.Rc[rctest.Resource], owners)
			hs[0] = rc.New(rctest.Resource{Name: "v", Log: &log})
			w := weak.Downgrade(&hs[0])
			for i := 1; i < owners; i++ {
				hs[i] = hs[0].Clone()
			}
			winners := 0
			for step, i := range order {
				v, ok := hs[i].IntoInner()
				assert.True(t, hs[i].IsEmpty(), "IntoInner consumes every handle")
				if ok {
					winners++
					assert.Equal(t, owners-1, step, "only the last owner to call IntoInner gets the value")
					assert.Equal(t, "v", v.Name, "the winner gets the value")
				}
			}
			assert.Equal(t, 1, winners, "exactly one of the owners must get the value")
			assert.Empty(t, log, "the value was handed out, never dropped")
			_, ok := w.Upgrade()
			assert.False(t, ok, "the value left the allocation: the Weak cannot upgrade")
			w.Drop()
			rctest.RequireLive(t, before, 0, "nothing leaks")
		})
	}
}
