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
