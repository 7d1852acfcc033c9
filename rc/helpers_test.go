package rc_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

// recordCleanup returns a NewWithCleanup cleanup that writes to log.
func recordCleanup(log *rctest.Journal) func(rctest.Resource) {
	return func(r rctest.Resource) { log.Record("cleanup " + r.Name) }
}

// rename is a MakeMut clone function: the copy is told apart by its name.
func rename(name string) func(rctest.Resource) rctest.Resource {
	return func(r rctest.Resource) rctest.Resource { r.Name = name; return r }
}

// requireCounts asserts both counts of a live strong handle.
func requireCounts[T any](t *testing.T, r *rc.Rc[T], strong, weak int, why string) {
	t.Helper()
	require.Equal(t, strong, r.StrongCount(), "strong count: %s", why)
	require.Equal(t, weak, r.WeakCount(), "weak count: %s", why)
}
