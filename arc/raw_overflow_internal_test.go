package arc

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/invariants"
)

// IncrementStrongCount adds a strong unit through a token, the raw API's
// Clone: its increment is checked like Clone's (I1), at the same edge.

func TestIncrementStrongCountAtMaxStrongPanicsAndUndoesItsAdd(t *testing.T) {
	a := New(1)
	b := a.box
	tok := a.IntoRaw()
	defer DecrementStrongCount[int](tok)
	defer setCounts(b, maxCount, 1)()
	err, ok := recoverError(func() { IncrementStrongCount[int](tok) })
	require.True(t, ok, "an increment past MaxCount through a token is refused like Clone's (I1)")
	require.Equal(t, "arc: IncrementStrongCount: strong count overflow (I1)", err.Error(), "the refusal names the rule")
	require.Equal(t, invariants.Header{Strong: int(maxCount), Weak: 1, State: invariants.Alive}, err.Header,
		"the refusal reports the header as the call found it, its own Add undone")
	requireRaw(t, b, maxCount, 1, "the refused Add must be undone")
}

func TestIncrementStrongCountJustBelowMaxStrongSucceeds(t *testing.T) {
	a := New(1)
	b := a.box
	tok := a.IntoRaw()
	restore := setCounts(b, maxCount-1, 1)
	IncrementStrongCount[int](tok)
	requireRaw(t, b, maxCount, 1, "MaxCount itself is a valid count: the unit that reaches it is added")
	restore()
	b.strong.Add(1) // the added unit is real: count it in the restored counts
	DecrementStrongCount[int](tok)
	DecrementStrongCount[int](tok)
	require.Equal(t, invariants.Freed, b.loadState(), "both units given back: the allocation is freed")
}

// recoverError runs f and returns the *invariants.Error it panicked with.
func recoverError(f func()) (err *invariants.Error, ok bool) {
	defer func() { err, ok = recover().(*invariants.Error) }()
	f()
	return nil, false
}

// A token's units keep strong above 0, unless a stale copy of an Arc gave
// up a unit that was not its own. Then the token points at a dropped
// value, and IncrementStrongCount must not revive it (I7), in every build:
// checked builds refuse the header before the Add, and with -tags
// rcrelease the Add's own result is the only guard.
func TestIncrementStrongCountCannotReviveAValueAStaleCopyDropped(t *testing.T) {
	a := New(1)
	b := a.box
	w := Downgrade(&a) // keeps the allocation, so the header can be read afterwards
	defer w.Drop()
	stale := Arc[int]{box: b} // what `stale := a` would be, which vet refuses
	tok := a.IntoRaw()
	defer func() { // the token's unit is stuck on a dead value: take it out by hand
		raws.Lock()
		raws.Take(uintptr(tok))
		raws.Unlock()
	}()
	stale.Drop() // takes the token's unit: strong 0, the value dropped
	requireRaw(t, b, 0, 1, "set-up: the stale copy's Drop dropped the value; the Weak keeps the header")

	err, ok := recoverError(func() { IncrementStrongCount[int](tok) })
	require.True(t, ok, "a token whose value is gone is refused")
	require.Equal(t, invariants.ArcIncrementStrongCount, err.Op, "the error names IncrementStrongCount")
	require.Equal(t, invariants.Header{Strong: 0, Weak: 1, State: invariants.Dead}, err.Header,
		"the error reports the header the call found: the value dropped, strong 0, the Weak's unit")
	requireRaw(t, b, 0, 1, "the refused call left strong at 0: nothing was revived (I7)")
}
