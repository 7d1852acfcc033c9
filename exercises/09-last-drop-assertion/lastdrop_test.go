package lastdrop

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDroppingANonLastHandleOnlyDecrementsStrong(t *testing.T) {
	destructed := false
	a := New(func(*Header) { destructed = true })
	a.Strong = 3 // two more strong handles, as if cloned twice
	require.NoError(t, DropStrong(a), "a header with strong 3 and the implicit weak is valid")
	assert.Equal(t, Header{Strong: 2, Weak: 1}, a.Header,
		"two strong handles remain: only strong goes down, the value and the implicit weak stay (I2, I4)")
	assert.Equal(t, []string{"strong 3 → 2"}, a.Log, "dropping a handle that is not the last takes one step")
	assert.False(t, destructed, "strong is still 2: the destructor must not run (I2)")
}

func TestTheLastDropWithoutWeaksFreesTheAllocation(t *testing.T) {
	a := New(nil)
	require.NoError(t, DropStrong(a), "strong 1, weak 1 (the implicit weak) is a valid header")
	assert.Equal(t, []string{
		"strong 1 → 0",
		"drop value",
		"release implicit weak: weak 1 → 0",
		"free",
	}, a.Log, "the last strong drop: strong to 0, then the value, then the implicit weak, then the free")
	assert.Equal(t, Header{Dropped: true, Freed: true}, a.Header,
		"no Weak remained, so releasing the implicit weak brought weak to 0 and the allocation was freed (I5)")
}

func TestTheLastDropLeavesTheAllocationToTheWeaks(t *testing.T) {
	a := New(nil)
	a.Weak = 3 // two Weaks besides the implicit weak
	require.NoError(t, DropStrong(a), "strong 1, weak 3 is a valid header")
	assert.Equal(t, []string{
		"strong 1 → 0",
		"drop value",
		"release implicit weak: weak 3 → 2",
	}, a.Log, "the Weaks keep the allocation, so there is no free step")
	assert.Equal(t, Header{Weak: 2, Dropped: true}, a.Header,
		"the value is dropped (I2) but the allocation lives on for the two Weaks (I3): "+
			"exactly one unit of weak, the implicit one, is released (I4)")
}

func TestTheDestructorRunsBetweenStrongZeroAndTheRelease(t *testing.T) {
	var seen Header
	a := New(func(h *Header) { seen = *h })
	require.NoError(t, DropStrong(a))
	assert.Equal(t, 0, seen.Strong,
		"inside the destructor strong must already be 0, or a Weak could upgrade the dying value (I7)")
	assert.Equal(t, 1, seen.Weak,
		"inside the destructor the implicit weak must still be held: releasing it first could free "+
			"the allocation while its destructor runs (I4, I5)")
	assert.False(t, seen.Freed, "the allocation must not be freed while its value's destructor runs (I5)")
}

func TestAWeakDroppedByTheDestructorIsCountedBeforeTheFree(t *testing.T) {
	// The value holds the only Weak; its destructor drops it (weak − 1).
	// Whether to free must be decided after the destructor, from the weak
	// count it left behind.
	a := New(func(h *Header) { h.Weak-- })
	a.Weak = 2
	require.NoError(t, DropStrong(a), "strong 1, weak 2 is a valid header")
	assert.Equal(t, []string{
		"strong 1 → 0",
		"drop value",
		"release implicit weak: weak 1 → 0",
		"free",
	}, a.Log, "the destructor dropped the last Weak, so releasing the implicit weak must free the allocation "+
		"(decide whether to free after the destructor, not before)")
	assert.Equal(t, Header{Dropped: true, Freed: true}, a.Header, "freed iff weak reached 0 (I5)")
}

func TestAPanickingDestructorStillReleasesTheImplicitWeak(t *testing.T) {
	a := New(func(*Header) { panic("destructor failed") })
	require.PanicsWithValue(t, "destructor failed", func() { _ = DropStrong(a) },
		"the destructor's panic must reach DropStrong's caller unchanged")
	assert.Equal(t, []string{
		"strong 1 → 0",
		"drop value",
		"release implicit weak: weak 1 → 0",
		"free",
	}, a.Log, "the release and the free must happen even when the destructor panics (defer them), "+
		"or the allocation is never freed")
	assert.Equal(t, Header{Dropped: true, Freed: true}, a.Header, "the drop completed despite the panic")
}

func TestACorruptHeaderIsRefusedWithTheInvariantItBreaks(t *testing.T) {
	cases := []struct {
		name      string
		header    Header
		invariant string
	}{
		{"freed allocation: use after free", Header{Dropped: true, Freed: true}, "I5"},
		{"strong already 0: a stale handle drops again", Header{Weak: 1, Dropped: true}, "I1"},
		{"negative strong", Header{Strong: -1, Weak: 1, Dropped: true}, "I1"},
		{"strong 1 with weak 0: the implicit weak is missing", Header{Strong: 1}, "I4"},
		{"strong 2 with weak 0: the implicit weak is missing", Header{Strong: 2}, "I4"},
		{"strong 1 but the value was already dropped", Header{Strong: 1, Weak: 1, Dropped: true}, "I2"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			destructed := false
			a := &Allocation{Header: c.header, Destructor: func(*Header) { destructed = true }}
			err := DropStrong(a)
			require.Error(t, err, "%+v breaks %s: DropStrong must refuse it", c.header, c.invariant)
			var v *Violation
			require.ErrorAs(t, err, &v, "the refusal must be a *Violation, so the caller can see which rule broke")
			assert.Equal(t, c.invariant, v.Invariant,
				"%+v breaks %s (check I5, then I1, then I4, then I2)", c.header, c.invariant)
			assert.NotEmpty(t, v.Detail, "say what is wrong with the header, not only which rule")
			assert.Equal(t, c.header, a.Header, "a refused drop must leave the header exactly as it was")
			assert.Empty(t, a.Log, "a refused drop must take no step")
			assert.False(t, destructed, "a refused drop must not run the destructor")
		})
	}
}
