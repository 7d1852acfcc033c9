package rc_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

func TestNewStartsWithOneStrongAndNoWeak(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	r := rc.New(42)
	rctest.RequireLive(t, before, 1, "New makes exactly one allocation")
	requireCounts(t, &r, 1, 0, "New returns the only handle; the implicit weak is never shown (I4)")
	assert.False(t, r.IsEmpty(), "a handle returned by New owns its value")
	assert.Equal(t, 42, *r.Get(), "Get must see the value given to New")
	r.Drop()
	rctest.RequireLive(t, before, 0, "dropping the only handle frees the allocation (I5)")
}

func TestCloneSharesTheSameAllocation(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	r := rc.New(1)
	c := r.Clone()
	rctest.RequireLive(t, before, 1, "Clone adds a handle, not an allocation")
	assert.True(t, rc.PtrEq(&r, &c), "a clone must point to the same allocation")
	requireCounts(t, &r, 2, 0, "one Clone adds one strong handle")
	requireCounts(t, &c, 2, 0, "both handles read the same header")
	*r.Get() = 7
	assert.Equal(t, 7, *c.Get(), "a clone shares the value, it does not copy it")
	c.Drop()
	r.Drop()
	rctest.RequireLive(t, before, 0, "both handles dropped, the allocation is freed")
}

func TestDropOfAStrongHandleDecrementsStrong(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	r := rc.New(1)
	c1 := r.Clone()
	c2 := r.Clone()
	requireCounts(t, &r, 3, 0, "New + two Clones")
	c1.Drop()
	requireCounts(t, &r, 2, 0, "Drop removes exactly one strong handle")
	assert.True(t, c1.IsEmpty(), "a dropped handle is empty")
	c2.Drop()
	requireCounts(t, &r, 1, 0, "Drop removes exactly one strong handle")
	r.Drop()
}

func TestDowngradeAndWeakHandlesChangeOnlyTheWeakCount(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	r := rc.New(1)
	w := weak.Downgrade(&r)
	requireCounts(t, &r, 1, 1, "Downgrade adds a Weak and leaves strong alone")
	w2 := w.Clone()
	requireCounts(t, &r, 1, 2, "Weak.Clone adds a Weak")
	w.Drop()
	requireCounts(t, &r, 1, 1, "Weak.Drop removes one Weak")
	w2.Drop()
	requireCounts(t, &r, 1, 0, "every Weak dropped: only the hidden implicit weak remains (I4)")
	r.Drop()
}

func TestMoveLeavesTheSourceEmptyAndTheCountsUnchanged(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	r := rc.New(5)
	other := r.Clone()
	moved := r.Move()
	assert.True(t, r.IsEmpty(), "Move must leave the source empty: it transferred its ownership")
	assert.True(t, rc.PtrEq(&moved, &other), "the moved-to handle points to the same allocation")
	requireCounts(t, &moved, 2, 0, "Move transfers a handle, it neither adds nor removes one")
	rctest.RequireLive(t, before, 1, "Move allocates nothing")
	assert.Equal(t, 5, *moved.Get(), "the value travels with the handle")
	moved.Drop()
	other.Drop()
	rctest.RequireLive(t, before, 0, "the moved handle counts as the original: two drops free it")
}

func TestZeroRcIsAnEmptyHandle(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var a, b rc.Rc[int]
	assert.True(t, a.IsEmpty(), "the zero Rc owns nothing")
	assert.True(t, rc.PtrEq(&a, &b), "two empty handles are PtrEq")
	r := rc.New(1)
	assert.False(t, rc.PtrEq(&a, &r), "an empty handle is not PtrEq to a full one")
	r.Drop()
}

func TestSeparateNewCallsMakeSeparateAllocations(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	a := rc.New(1)
	b := rc.New(1)
	assert.False(t, rc.PtrEq(&a, &b), "equal values in two New calls are still two allocations")
	requireCounts(t, &a, 1, 0, "handles to another allocation do not count here")
	a.Drop()
	requireCounts(t, &b, 1, 0, "dropping another allocation's handle does not count here")
	b.Drop()
}

func TestEachAllocationIsUsableFromItsOwnGoroutine(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	// Rc is not safe for concurrent use, but separate allocations may live on
	// separate goroutines; under -race this proves the header shares nothing
	// but the atomic live-allocation counter.
	before := rc.LiveAllocations()
	done := make(chan int)
	for g := 0; g < 4; g++ {
		go func(g int) {
			r := rc.New(g)
			c := r.Clone()
			c.Drop()
			v := *r.Get()
			r.Drop()
			done <- v
		}(g)
	}
	sum := 0
	for g := 0; g < 4; g++ {
		sum += <-done
	}
	require.Equal(t, 0+1+2+3, sum, "each goroutine must see its own value")
	rctest.RequireLive(t, before, 0, "every goroutine dropped its only handle")
}
