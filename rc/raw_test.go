package rc_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

func TestIntoRawAndFromRawMoveAUnitWithoutCounting(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	r := rc.New("v")
	keep := r.Clone()
	tok := r.IntoRaw()
	require.NotZero(t, tok, "a token is never 0, so C can use 0 for none")
	assert.True(t, r.IsEmpty(), "IntoRaw consumes the handle: its unit is the token's now")
	requireCounts(t, &keep, 2, 0, "the token's unit still counts: the value lives while C holds it")
	assert.Equal(t, 1, rc.RawUnits(tok), "the token carries the one unit IntoRaw put in")
	require.PanicsWithError(t, "rc: Get: handle was turned into a token by IntoRaw (FromRaw gives one back)",
		func() { r.Get() }, "the handle IntoRaw consumed says what became of it")

	back := rc.FromRaw[string](tok)
	assert.Equal(t, "v", *back.Get(), "FromRaw returns a handle to the same value")
	assert.True(t, rc.PtrEq(&back, &keep), "to the same allocation")
	requireCounts(t, &keep, 2, 0, "the unit moved from the token to the handle: no count changed")
	assert.Zero(t, rc.RawUnits(tok), "the token is used up once its last unit is out")
	back.Drop()
	keep.Drop()
}

func TestOneAllocationHasOneToken(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	r := rc.New(7)
	s := r.Clone()
	a, b := r.IntoRaw(), s.IntoRaw()
	require.Equal(t, a, b, "two handles to one allocation become one token, as Rust's raw pointers are equal")
	require.Equal(t, 2, rc.RawUnits(a), "carrying both units")
	other := rc.New(7)
	c := other.IntoRaw()
	require.NotEqual(t, a, c, "another allocation gets another token")
	rc.DecrementStrongCount[int](a)
	rc.DecrementStrongCount[int](a)
	rc.DecrementStrongCount[int](c)
	require.Zero(t, rc.LiveTokens(), "every unit was taken out: no token is live")
}

func TestIncrementAndDecrementStrongCount(t *testing.T) {
	before := rc.LiveAllocations()
	var log rctest.Journal
	r := rc.NewWithCleanup(rctest.Resource{Name: "cb", Log: &log}, recordCleanup(&log))
	w := rc.Downgrade(&r)
	tok := r.IntoRaw()
	rc.IncrementStrongCount[rctest.Resource](tok)
	assert.Equal(t, 2, w.StrongCount(), "IncrementStrongCount adds a strong unit")
	assert.Equal(t, 2, rc.RawUnits(tok), "and puts it in the token")
	rc.DecrementStrongCount[rctest.Resource](tok)
	assert.Equal(t, 1, w.StrongCount(), "DecrementStrongCount drops one")
	assert.Empty(t, log, "one unit remains: the value lives")
	rc.DecrementStrongCount[rctest.Resource](tok)
	assert.Equal(t, rctest.Journal{"cleanup cb", "drop cb"}, log, "the last unit's drop runs the destructor, as Drop does")
	assert.Zero(t, w.StrongCount(), "the value is gone (I2)")
	w.Drop()
	rctest.RequireLive(t, before, 0, "the allocation is freed (I5)")
}

func TestABadTokenIsRefusedAndChangesNothing(t *testing.T) {
	r := rc.New(1)
	keep := r.Clone()
	tok := r.IntoRaw()
	back := rc.FromRaw[int](tok)

	used := fmt.Sprintf("rc: FromRaw: token %#x is used up: FromRaw and DecrementStrongCount already took every unit that IntoRaw and IncrementStrongCount put in (I1)", uintptr(tok))
	require.PanicsWithError(t, used, func() { x := rc.FromRaw[int](tok); x.Drop() },
		"a used-up token carries no unit: taking one would underflow the count")
	requireCounts(t, &keep, 2, 0, "the refused FromRaw changed no count")
	require.PanicsWithError(t, fmt.Sprintf("rc: DecrementStrongCount: token %#x is used up: FromRaw and DecrementStrongCount already took every unit that IntoRaw and IncrementStrongCount put in (I1)", uintptr(tok)),
		func() { rc.DecrementStrongCount[int](tok) }, "DecrementStrongCount on a used-up token is a double drop")
	require.PanicsWithError(t, fmt.Sprintf("rc: IncrementStrongCount: token %#x is used up: FromRaw and DecrementStrongCount already took every unit that IntoRaw and IncrementStrongCount put in (I1)", uintptr(tok)),
		func() { rc.IncrementStrongCount[int](tok) }, "a used-up token no longer keeps the value alive: it cannot be counted up")
	requireCounts(t, &keep, 2, 0, "refused calls changed no count")

	func() {
		defer func() {
			var err *invariants.Error
			require.ErrorAs(t, recover().(error), &err, "the refusal is an *invariants.Error")
			assert.Equal(t, invariants.I1, err.Rule(), "a used-up token breaks I1")
			assert.Equal(t, invariants.RcFromRaw, err.Op, "and names the operation")
		}()
		rc.FromRaw[int](tok)
	}()

	require.PanicsWithError(t, "rc: FromRaw: 0 is not a token: IntoRaw never returns 0", func() { rc.FromRaw[int](0) },
		"0 is never a token")
	require.PanicsWithError(t, "rc: FromRaw: token 0xfffffff1 was never issued by IntoRaw", func() { rc.FromRaw[int](0xfffffff1) },
		"a number IntoRaw never returned")
	require.PanicsWithError(t, "rc: FromRaw: token 0xfffffff0 was not issued by package rc", func() { rc.FromRaw[int](0xfffffff0) },
		"an even number is an arc token")

	live := keep.Clone()
	tok = live.IntoRaw()
	require.PanicsWithError(t, fmt.Sprintf("rc: FromRaw: token %#x is for a value of type int, not string", uintptr(tok)),
		func() { rc.FromRaw[string](tok) }, "the token's value type is checked")
	require.Equal(t, 1, rc.RawUnits(tok), "a refused FromRaw takes no unit")
	rc.DecrementStrongCount[int](tok)
	back.Drop()
	keep.Drop()
}

// The raw units are counted in strong: the value drops only when every
// handle and every unit is gone, whatever the order.
func TestRawUnitsAndHandlesAgreeWithTheStrongCount(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		before := rc.LiveAllocations()
		dropped := 0
		first := rc.NewWithCleanup(0, func(int) { dropped++ })
		handles := []rc.Rc[int]{first.Move()}
		tok, units := rc.Token(0), 0
		for range rapid.IntRange(1, 30).Draw(t, "steps") {
			if len(handles) == 0 && units == 0 {
				break
			}
			switch rapid.IntRange(0, 4).Draw(t, "op") {
			case 0: // IntoRaw of a clone
				if len(handles) > 0 {
					c := handles[0].Clone()
					tok, units = c.IntoRaw(), units+1
				}
			case 1: // FromRaw
				if units > 0 {
					handles, units = append(handles, rc.FromRaw[int](tok)), units-1
				}
			case 2: // IncrementStrongCount
				if units > 0 {
					rc.IncrementStrongCount[int](tok)
					units++
				}
			case 3: // DecrementStrongCount
				if units > 0 {
					rc.DecrementStrongCount[int](tok)
					units--
				}
			case 4: // Drop a handle
				if len(handles) > 0 {
					handles[len(handles)-1].Drop()
					handles = handles[:len(handles)-1]
				}
			}
			alive := len(handles) + units
			if alive > 0 {
				require.Zero(t, dropped, "%d handles and %d units remain: the value must live", len(handles), units)
				require.Equal(t, units, rc.RawUnits(tok), "the token carries exactly the units put in and not taken out")
			}
			if len(handles) > 0 {
				require.Equal(t, alive, handles[0].StrongCount(), "strong counts every handle and every unit")
			}
		}
		for range units {
			rc.DecrementStrongCount[int](tok)
		}
		for i := range handles {
			handles[i].Drop()
		}
		require.Equal(t, 1, dropped, "the value drops exactly once, with its last handle or unit")
		require.Zero(t, rc.LiveTokens(), "no token outlives its units")
		require.Equal(t, before, rc.LiveAllocations(), "nothing leaks (I5)")
	})
}
