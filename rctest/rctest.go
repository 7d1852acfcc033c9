// Package rctest holds test helpers for code that uses rcbook's handles:
// proving that allocations were freed and references released (rc, weak,
// pool, arc, refcount), making the stale handle a copy without Clone
// would make, and skipping tests that need the header checks.
package rctest

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rc"
)

// UncountedCopy returns a second handle that shares h's allocation without
// being counted, which is exactly what `c := *h` would do. go vet refuses
// that statement (copylocks), so the copy goes through reflect: tests need
// such a stale handle to show what the checks catch, and `go vet ./...`
// stays clean.
func UncountedCopy[H any](h *H) *H {
	c := new(H)
	reflect.ValueOf(c).Elem().Set(reflect.ValueOf(h).Elem())
	return c
}

// RequireChecks skips a test that relies on the header checks, which
// -tags rcrelease compiles out.
func RequireChecks(t testing.TB) {
	t.Helper()
	if !invariants.Enabled {
		t.Skip("the header checks are compiled out (-tags rcrelease): a stale handle is not detected")
	}
}

// RequireLive asserts that exactly delta allocations are live now compared
// with before, which the test took with Live(pools...), or with
// rc.LiveAllocations() if it uses no pool. pools are the pools whose
// allocations the test counts (see Live).
func RequireLive(t testing.TB, before, delta int, why string, pools ...Counter) {
	t.Helper()
	require.Equal(t, delta, Live(pools...)-before,
		"live allocations changed by the wrong amount: %s", why)
}

// Counter is what a pool answers for its own allocations: rc.Pool's Live.
type Counter interface{ Live() int }

// Live returns rc.LiveAllocations, plus, with -tags rcrelease, the
// allocations of the given pools, which that build counts only in the pools
// (rc.Pool.Live). In checked builds LiveAllocations already includes them.
// Either way it is every live allocation of package rc the test can see.
func Live(pools ...Counter) int {
	n := rc.LiveAllocations()
	if !invariants.Enabled {
		for _, p := range pools {
			n += p.Live()
		}
	}
	return n
}
