//go:build rctrace

package rc

import (
	"github.com/rcbook/rcbook/internal/trace"
	"github.com/rcbook/rcbook/invariants"
)

// The fast paths of fast.go, for the traced build (-tags rctrace): the same
// code, and each change of a count noted in the allocation's history
// (trace.go). They live apart so that the fast paths a reader follows, and
// the book quotes, carry no hook; TestTracedFastPathsMatch fails if the
// two files differ in anything but the notes.

// tryIncStrongFast adds a strong handle for Clone if the value is alive,
// the header in the handle's generation gen, and the count below its
// maximum (I1, I2, I5). The caller holds a strong handle, so strong ≥ 1
// already; a stale handle fails the state or the generation test. The test
// is stale's, written out: calling stale would cost Clone its inlining.
func (b *box[T]) tryIncStrongFast(gen uint32) bool {
	if b.Strong == invariants.MaxCount || (invariants.Enabled && (b.Gen != gen || b.State != invariants.Alive)) {
		return false
	}
	b.Strong++
	if trace.Enabled {
		b.note()
	}
	return true
}

// tryUpgradeFast adds a strong handle for Upgrade if the value is alive:
// strong > 0, tested in every build because a Weak may legitimately outlive
// the value (I7), and below its maximum (I1).
func (b *box[T]) tryUpgradeFast(gen uint32) bool {
	if b.Strong <= 0 || b.Strong == invariants.MaxCount || b.stale(gen) {
		return false
	}
	b.Strong++
	if trace.Enabled {
		b.note()
	}
	return true
}

// tryDecStrongFast removes a strong handle if it is not the last one, so
// that the value stays alive and nothing else has to happen (I2).
func (b *box[T]) tryDecStrongFast(gen uint32) bool {
	if b.Strong <= 1 || b.stale(gen) {
		return false
	}
	b.Strong--
	if trace.Enabled {
		b.note()
	}
	return true
}

// tryIncWeakFast adds a Weak handle to a live value if the count is below
// its maximum (I1).
func (b *box[T]) tryIncWeakFast(gen uint32) bool {
	if b.Weak == invariants.MaxCount || b.stale(gen) {
		return false
	}
	b.Weak++
	if trace.Enabled {
		b.note()
	}
	return true
}

// tryDecWeakFast removes a Weak handle while the value is alive. The
// implicit weak keeps weak ≥ 1 afterwards, so this can never free (I4).
func (b *box[T]) tryDecWeakFast(gen uint32) bool {
	if b.Weak <= 1 || b.stale(gen) {
		return false
	}
	b.Weak--
	if trace.Enabled {
		b.note()
	}
	return true
}

// stale reports, in checked builds, whether a handle of generation gen must
// leave the fast path: the value is not alive, or the header has been
// reused since the handle was made. It compiles to false with -tags
// rcrelease.
func (b *box[T]) stale(gen uint32) bool {
	return invariants.Enabled && (b.State != invariants.Alive || b.Gen != gen)
}
