//go:build !rctrace

package rc

import "github.com/rcbook/rcbook/invariants"

// The fast paths. Each does an operation's common case, in which nothing can
// go wrong, or reports false and changes nothing; the handle then takes its
// slow path, which runs the full checks, diagnoses any misuse, and handles
// the interesting cases (the last strong handle, the last weak, a dead
// value). They are small enough to be inlined into the handles' methods, so
// the common case costs a few compares and one increment or decrement.
//
// In checked builds "nothing can go wrong" includes the header's state and
// generation: the value must be alive (I2) and the header must still be in
// the life the handle was made for (gen, see invariants.Header.Gen), so a
// stale handle to a dropped value, a freed allocation, or a header a pool
// has since handed to someone else (I5) always takes the slow path and is
// refused there. With -tags rcrelease both tests compile away, and what
// remains is the overflow test (I1). Rust's std keeps one too, but aborts
// when it fails; this one declines, and the caller panics.

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
	return true
}

// tryDecStrongFast removes a strong handle if it is not the last one, so
// that the value stays alive and nothing else has to happen (I2).
func (b *box[T]) tryDecStrongFast(gen uint32) bool {
	if b.Strong <= 1 || b.stale(gen) {
		return false
	}
	b.Strong--
	return true
}

// tryIncWeakFast adds a Weak handle to a live value if the count is below
// its maximum (I1).
func (b *box[T]) tryIncWeakFast(gen uint32) bool {
	if b.Weak == invariants.MaxCount || b.stale(gen) {
		return false
	}
	b.Weak++
	return true
}

// tryDecWeakFast removes a Weak handle while the value is alive. The
// implicit weak keeps weak ≥ 1 afterwards, so this can never free (I4).
func (b *box[T]) tryDecWeakFast(gen uint32) bool {
	if b.Weak <= 1 || b.stale(gen) {
		return false
	}
	b.Weak--
	return true
}

// stale reports, in checked builds, whether a handle of generation gen must
// leave the fast path: the value is not alive, or the header has been
// reused since the handle was made. It compiles to false with -tags
// rcrelease.
func (b *box[T]) stale(gen uint32) bool {
	return invariants.Enabled && (b.State != invariants.Alive || b.Gen != gen)
}
