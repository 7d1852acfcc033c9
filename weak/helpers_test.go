package weak_test

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rc"
)

// journal records what destructors did, in order.
type journal []string

func (j *journal) record(event string) { *j = append(*j, event) }

// dropLogger records its Drop in a journal. Its Drop method is on the
// pointer receiver and T is *dropLogger, as for most values with identity.
type dropLogger struct {
	name string
	log  *journal
}

func (d *dropLogger) Drop() { d.log.record("drop " + d.name) }

// uncountedCopy returns a second handle that shares h's allocation without
// being counted, which is exactly what `c := *h` would do. go vet refuses
// that statement (copylocks), so the copy goes through reflect: the tests
// need such a stale handle to show what the checks catch, and `go vet ./...`
// stays clean.
func uncountedCopy[H any](h *H) *H {
	c := new(H)
	reflect.ValueOf(c).Elem().Set(reflect.ValueOf(h).Elem())
	return c
}

// requireChecks skips a test that relies on the header checks, which
// -tags rcrelease compiles out.
func requireChecks(t *testing.T) {
	t.Helper()
	if !invariants.Enabled {
		t.Skip("the header checks are compiled out (-tags rcrelease): a stale handle is not detected")
	}
}

// requireLive asserts that exactly delta allocations are live now compared
// with before, which a test took with rc.LiveAllocations().
func requireLive(t *testing.T, before, delta int, why string) {
	t.Helper()
	require.Equal(t, delta, rc.LiveAllocations()-before,
		"live allocations changed by the wrong amount: %s", why)
}
