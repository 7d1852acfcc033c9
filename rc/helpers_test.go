package rc_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
)

// journal records what destructors and cleanups did, in order, so a test can
// assert both how many times each ran and in which order.
type journal []string

func (j *journal) record(event string) { *j = append(*j, event) }

// resource is a value whose Drop method (value receiver) writes to a journal:
// it stands for a file, a connection, a pooled buffer.
type resource struct {
	name string
	log  *journal
}

func (r resource) Drop() { r.log.record("drop " + r.name) }

// recordCleanup returns a NewWithCleanup cleanup that writes to log.
func recordCleanup(log *journal) func(resource) {
	return func(r resource) { log.record("cleanup " + r.name) }
}

// rename is a MakeMut clone function: the copy is told apart by its name.
func rename(name string) func(resource) resource {
	return func(r resource) resource { r.name = name; return r }
}

// requireCounts asserts both counts of a live strong handle.
func requireCounts[T any](t *testing.T, r *rc.Rc[T], strong, weak int, why string) {
	t.Helper()
	require.Equal(t, strong, r.StrongCount(), "strong count: %s", why)
	require.Equal(t, weak, r.WeakCount(), "weak count: %s", why)
}
