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
// is written out: a call would cost Clone its inlining.
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
	if trace.Enabled {
		b.note()
		r.gen = spend(invariants.Dropped, b)
	}
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
	if trace.Enabled {
		b.note()
		w.gen = spend(invariants.Dropped, b)
	}
}
