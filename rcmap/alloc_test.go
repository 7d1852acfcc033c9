package rcmap_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rcmap"
)

// fortyTwo is a create for Acquire that cannot fail.
func fortyTwo() (int, error) { return 42, nil }

// TestHandlesOfAnExistingEntryAllocateNothing pins the cost of sharing an
// entry that exists: a Handle is a value that lives wherever its caller
// keeps it, so Acquire, Join and Clone of a key that has an entry, and the
// Release that follows, make no trip to Go's allocator, in checked builds
// as with -tags rcrelease. (A test that tracks leaks pays for one
// leak.Token per handle; this one tracks none.) It counts allocations, not
// time, so it does not depend on the machine.
func TestHandlesOfAnExistingEntryAllocateNothing(t *testing.T) {
	m := rcmap.New(func(string, int) {})
	ctx := context.Background()
	keep, _, err := m.Acquire(ctx, "news", fortyTwo)
	require.NoError(t, err, "set-up: the first Acquire creates the entry")
	defer keep.Release()

	allocs := testing.AllocsPerRun(100, func() {
		h, _, _ := m.Acquire(ctx, "news", fortyTwo)
		h.Release()
	})
	assert.Zero(t, allocs, "Acquire+Release of an existing key must allocate nothing: the Handle is a value, not a *Handle on the heap")

	allocs = testing.AllocsPerRun(100, func() {
		h, _ := m.Join("news")
		h.Release()
	})
	assert.Zero(t, allocs, "Join+Release of an existing key must allocate nothing")

	allocs = testing.AllocsPerRun(100, func() {
		c := keep.Clone()
		c.Release()
	})
	assert.Zero(t, allocs, "Clone+Release must allocate nothing")
	assert.Equal(t, 1, m.Count("news"), "every handle made in the runs was released: only keep is left")
}
