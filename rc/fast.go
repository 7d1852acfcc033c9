//go:build !rctrace

package rc

import "github.com/rcbook/rcbook/invariants"

// The fast paths. Each does an operation's common case, in which nothing can
// go wrong; otherwise Clone panics (see Rc.Clone), and the two Drops hand
// the handle to their slow path, which runs the full checks, diagnoses any
// misuse, and handles the interesting cases (the last strong handle, the
// last owner of the allocation). They are small enough
// for the handles' methods to be inlined into their callers, so the common
// case costs a few compares and one increment or decrement, with no call.
//
// In checked builds "nothing can go wrong" includes the header's state and
// generation: the value must be alive (I2) and the header must still be in
// the life the handle was made for (gen, see invariants.Header.Gen), so a
// stale handle to a dropped value, a freed allocation, or a header a pool
// has since handed to someone else (I5) is always refused. Where the
// operation tests a count anyway, the count stands for the state: strong >
// 0 exactly while the value is alive (I2), and weak = 0 once the
// allocation is freed (I5). With -tags rcrelease both tests compile away,
// and what remains is the overflow test (I1). Rust's std keeps one too, but aborts
// when it fails; this one declines, and the caller panics.
//
// The two Drops' fast paths receive their slow path as a parameter, slow,
// instead of calling it by name. That is for Go's inliner, which gives every
// function a budget of 80 and charges 57 for a call it cannot inline, but
// only 17 for a call through a parameter (once the function is inlined,
// the parameter may turn out to be a known function, as it does here). So
// Rc.Drop, which passes a function literal that calls dropSlow, is inlined
// into its caller, and then so is the literal: the program calls dropSlow
// directly, and only on the slow path. Clone, Downgrade, Upgrade and
// Weak.Clone have no slow path to pass: whatever their tests decline is a
// misuse or an overflow, and they panic in place (chapter 11).

// tryIncStrongFast adds a strong handle for Clone if the value is alive,
// the header in the handle's generation gen, and the count below its
// maximum (I1, I2, I5). The caller holds a strong handle, so strong ≥ 1
// already; a stale handle fails the state or the generation test. The test
// is written out: a call would cost Clone its inlining.
func (b *box[T]) tryIncStrongFast(gen uint32) bool {
	if b.Strong == invariants.MaxCount || (invariants.Enabled && (b.Gen != gen || b.State != invariants.Alive)) {
		return false
	}
	b.Strong++
	return true
}

// dropFast is Drop's fast path: it removes a strong handle that is not the
// last one, so that the value stays alive and nothing else has to happen
// (I2), and leaves r empty. Anything else (an empty or stale handle, the
// last strong handle) goes to slow. The test of r's generation stands for
// the state test too: strong > 1 already says that the value is alive (I2).
// Cost 55; Rc.Drop, with the literal it passes, 78 (chapter 11).
func dropFast[T any](r *Rc[T], slow func(*Rc[T])) {
	b := r.box
	if b == nil || b.Strong <= 1 || invariants.Enabled && b.Gen != r.gen {
		slow(r)
		return
	}
	b.Strong--
	*r = Rc[T]{spent: invariants.Dropped} // empty, and why: one store the inliner charges less than two
}

// weakDropFast is Weak.Drop's fast path: it removes a Weak handle that is
// not the last owner of the allocation, whether the value is alive or not
// (weak > 1 leaves at least one unit, so this can never free: I3, I4), and
// leaves w used up. Anything else (a dangling, used-up or stale Weak, the
// last owner) goes to slow. A freed header has weak = 0 and fails the
// count test (I5). Cost 55; Weak.Drop 78.
func weakDropFast[T any](w *Weak[T], slow func(*Weak[T])) {
	b := w.box
	if b == nil || b.Weak <= 1 || invariants.Enabled && b.Gen != w.gen {
		slow(w)
		return
	}
	b.Weak--
	*w = Weak[T]{spent: invariants.Dropped}
}
