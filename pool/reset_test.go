package pool_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/pool"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

// truncate is the reset hook of a buffer pool: it keeps the backing array
// and forgets the contents.
func truncate(b *[]byte) { *b = (*b)[:0] }

// countingReset returns a reset hook that truncates and counts its calls.
func countingReset(calls *int) func(*[]byte) {
	return func(b *[]byte) { *calls++; truncate(b) }
}

// base returns the address of s's first element, which identifies its
// backing array. s must have room for one element.
func base(s []byte) *byte { return &s[:1][0] }

// fill gives r's buffer a fresh backing array of capacity n holding data,
// and returns that array's address.
func fill(t *testing.T, r *rc.Rc[[]byte], n int, data string) *byte {
	t.Helper()
	buf, ok := r.GetMut()
	require.True(t, ok, "set-up: the buffer has a single owner")
	*buf = append(make([]byte, 0, n), data...)
	return base(*buf)
}

// TestDefaultOnAFreshPoolIsTheZeroValuePassedThroughReset proves that when
// Default must allocate, it starts from the zero T and still calls reset on
// it, once; without a reset hook it gives the zero T as it is.
func TestDefaultOnAFreshPoolIsTheZeroValuePassedThroughReset(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var seen [][]byte
	p := pool.NewPool(2, func(b *[]byte) { seen = append(seen, *b); truncate(b) })
	d := pool.Default(p)
	require.Len(t, seen, 1, "Default calls reset exactly once, also on a header from the heap")
	assert.Nil(t, seen[0], "reset was given the zero []byte")
	assert.Nil(t, *d.Get(), "the value is the zero []byte after reset")
	requireCounts(t, &d, 1, 0, "Default returns the first strong handle, like New")
	d.Drop()

	plain := pool.NewPool[[3]int](1, nil)
	z := pool.Default(plain)
	assert.Equal(t, [3]int{}, *z.Get(), "without a reset hook Default gives the zero value")
	z.Drop()
}

// TestDefaultReusesTheDroppedValuesCapacity proves what Default is for: with
// a reset hook, a value dropped in a pooled header leaves its storage, and
// the next Default gets the same backing array back, truncated.
func TestDefaultReusesTheDroppedValuesCapacity(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	p := pool.NewPool(1, truncate)
	a := pool.Default(p)
	array := fill(t, &a, 64, "hello")
	a.Drop()
	requireSize(t, p, 1, "set-up: the header went back with its storage")

	b := pool.Default(p)
	assert.Len(t, *b.Get(), 0, "reset truncated the reused buffer")
	assert.Equal(t, 64, cap(*b.Get()), "the reused buffer keeps the capacity of the dropped one")
	assert.Same(t, array, base(*b.Get()), "the reused buffer is the dropped value's backing array")
	b.Drop()

	c := pool.New(p, []byte("new"))
	assert.Equal(t, []byte("new"), *c.Get(), "New replaces the kept storage with its own value")
	c.Drop()
}

// TestNewDoesNotCallReset proves that reset prepares storage for Default
// only: New, reusing a header or not, never calls it; Default calls it once
// per call, reused header or not.
func TestNewDoesNotCallReset(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	calls := 0
	p := pool.NewPool(2, countingReset(&calls))
	r := pool.New(p, []byte("a"))
	r.Drop()
	r = pool.New(p, []byte("b"))
	assert.Equal(t, []byte("b"), *r.Get(), "the reused header holds New's value")
	r.Drop()
	p.Fill()
	assert.Zero(t, calls, "neither New, Drop nor Fill calls reset")

	d := pool.Default(p)
	d.Drop()
	assert.Equal(t, 1, calls, "Default calls reset once on a reused header")
	e := pool.Default(p)
	f := pool.Default(p)
	g := pool.Default(p)
	assert.Equal(t, 4, calls, "Default calls reset once each, from the pool or the heap")
	e.Drop()
	f.Drop()
	g.Drop()
	assert.Equal(t, 4, calls, "dropping does not call reset")
}

// TestWithoutResetStorageIsZeroedAtDrop proves that a pool without a reset
// hook keeps no storage: a dropped value's storage is zeroed, so Default on
// the reused header gives the zero value, not the old contents.
func TestWithoutResetStorageIsZeroedAtDrop(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	p := pool.NewPool[[]byte](1, nil)
	r := pool.New(p, []byte("secret"))
	r.Drop()
	requireSize(t, p, 1, "set-up: the header is back in the pool")
	d := pool.Default(p)
	assert.Nil(t, *d.Get(), "without reset the dropped value's storage was zeroed, so nothing is reused")
	d.Drop()
}

// TestValueTakenOutDoesNotShareStorageWithTheNextDefault proves the guard
// against the aliasing hazard of reset: a value taken out of a pooled header
// (TryUnwrap, IntoInner, or MakeMut moving it away from its Weaks) takes its
// storage with it, so the next Default on that header gets zeroed storage
// and writing to either value leaves the other alone.
func TestValueTakenOutDoesNotShareStorageWithTheNextDefault(t *testing.T) {
	cases := []struct {
		name string
		// takeOut removes the value from r's header, frees the header and
		// returns the value, which the caller now owns.
		takeOut func(t *testing.T, r *rc.Rc[[]byte]) []byte
	}{
		{"TryUnwrap", func(t *testing.T, r *rc.Rc[[]byte]) []byte {
			v, ok := r.TryUnwrap()
			require.True(t, ok, "set-up: r is the only strong handle")
			return v
		}},
		{"IntoInner", func(t *testing.T, r *rc.Rc[[]byte]) []byte {
			v, ok := r.IntoInner()
			require.True(t, ok, "set-up: r is the only strong handle")
			return v
		}},
		{"MakeMut with a Weak", func(t *testing.T, r *rc.Rc[[]byte]) []byte {
			w := weak.Downgrade(r)
			old := w.Clone()
			buf := r.MakeMut(func([]byte) []byte { panic("MakeMut must move, not clone, when only Weaks share") })
			v := *buf
			*buf = nil // r now owns the value elsewhere; hand it to the caller
			r.Drop()
			old.Drop()
			w.Drop() // the old header is freed only now
			return v
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rctest.VerifyNoLeaks(t)
			p := pool.NewPool(2, truncate)
			r := pool.Default(p)
			array := fill(t, &r, 16, "mine")
			v := c.takeOut(t, &r)
			require.Equal(t, []byte("mine"), v, "set-up: the value came out whole")
			require.Same(t, array, base(v), "set-up: the value kept its backing array")
			require.Positive(t, p.Size(), "set-up: the emptied header went back to the pool")

			d := pool.Default(p)
			assert.Zero(t, cap(*d.Get()), "a header whose value was taken out holds zeroed storage")
			buf, ok := d.GetMut()
			require.True(t, ok, "d has a single owner")
			*buf = append(*buf, "XXXX"...)
			assert.Equal(t, []byte("mine"), v, "writing to the next Default's value leaves the taken value alone")
			v[0] = 'M'
			assert.Equal(t, []byte("XXXX"), *d.Get(), "writing to the taken value leaves the next Default's alone")
			if cap(*d.Get()) > 0 {
				assert.NotSame(t, array, base(*d.Get()), "the two values never share a backing array")
			}
			d.Drop()
		})
	}
}

// TestMakeMutCopiesIntoTheSamePool proves that MakeMut on a pooled Rc that
// another strong handle shares takes the copy's header from the same pool,
// and that the copy's header returns there when freed, also when the pool
// was empty and the copy came from the heap.
func TestMakeMutCopiesIntoTheSamePool(t *testing.T) {
	cases := []struct {
		name    string
		waiting int // freed headers in the pool before MakeMut
	}{
		{"pool holds a header", 1},
		{"empty pool", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rctest.VerifyNoLeaks(t)
			before := rctest.Live()
			p := pool.NewPool[int](2, nil)
			r := pool.New(p, 1)
			other := r.Clone()
			for range c.waiting {
				tmp := pool.New(p, 0)
				tmp.Drop()
			}
			requireSize(t, p, c.waiting, "set-up")

			v := r.MakeMut(func(x int) int { return x + 10 })
			requireSize(t, p, 0, "the copy took its header from the pool when it held one, else from the heap")
			*v = 12
			assert.False(t, rc.PtrEq(&r, &other), "r has its own copy now")
			assert.Equal(t, 12, *r.Get(), "r's copy was cloned then written")
			assert.Equal(t, 1, *other.Get(), "the other handle keeps the original")
			requireCounts(t, &other, 1, 0, "MakeMut gave up r's share of the original")
			rctest.RequireLive(t, before, 2, "the original and the copy are both live", p)

			r.Drop()
			other.Drop()
			requireSize(t, p, 2, "both headers, the copy's included, returned to the same pool")
			rctest.RequireLive(t, before, 0, "everything was freed", p)
		})
	}
}

// TestMakeMutMovingAwayFromWeaksUsesTheSamePool proves that when only Weaks
// share the value, MakeMut moves it into a header from the same pool, and
// the old header returns to the pool when the last Weak goes.
func TestMakeMutMovingAwayFromWeaksUsesTheSamePool(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	p := pool.NewPool[int](2, nil)
	tmp := pool.New(p, 0)
	tmp.Drop()
	r := pool.New(p, 5)
	w := weak.Downgrade(&r)
	tmp = pool.New(p, 0)
	tmp.Drop()
	requireSize(t, p, 1, "set-up: one header waits in the pool")

	*r.MakeMut(func(int) int { panic("MakeMut must move, not clone, when only Weaks share") }) = 6
	requireSize(t, p, 0, "the moved value took its new header from the pool")
	assert.Equal(t, 6, *r.Get(), "r owns the moved value")
	_, ok := w.Upgrade()
	assert.False(t, ok, "the Weak is left with the old, dead allocation (I7)")
	w.Drop()
	requireSize(t, p, 1, "the old header returned when its last Weak went")
	r.Drop()
	requireSize(t, p, 2, "the new header returned too")
}

// TestPanickingResetLeavesNoLiveAllocation proves that a reset hook that
// panics inside Default leaves nothing behind: the panic reaches the caller,
// and no allocation stays live without a handle that could ever drop it,
// whether Default took its header from the heap or from the pool.
func TestPanickingResetLeavesNoLiveAllocation(t *testing.T) {
	cases := []struct {
		name string
		warm bool
	}{
		{"header from the heap", false},
		{"reused header", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := rctest.Live()
			fail := false
			p := pool.NewPool(1, func(*int) {
				if fail {
					panic("reset failed")
				}
			})
			if c.warm {
				r := pool.Default(p)
				r.Drop()
				requireSize(t, p, 1, "set-up: a freed header waits in the pool")
			}
			fail = true
			assert.PanicsWithValue(t, "reset failed", func() {
				d := pool.Default(p)
				d.Drop()
			}, "reset's panic must reach Default's caller")
			rctest.RequireLive(t, before, 0, "no handle was returned, so no allocation may stay live", p)
		})
	}
}
