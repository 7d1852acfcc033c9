package rc

import (
	"github.com/rcbook/rcbook/internal/nocopy"
	"github.com/rcbook/rcbook/internal/trace"
	"github.com/rcbook/rcbook/invariants"
)

// Weak is a non-owning handle to an allocation: Rust's std::rc::Weak. It
// keeps the allocation (the header) alive but not the value: once the last
// Rc is dropped the value is dropped too, and every Weak to it can still be
// asked about it, but Upgrade reports false. While the value lives, Upgrade
// returns a new strong handle. Use Weak for back-pointers (a child's
// parent, an observer's subject, a cache entry) so that they do not form an
// ownership cycle that never drops.
//
// The zero Weak is dangling, like NewWeak(): it points at nothing,
// allocates nothing, never upgrades, and may be cloned and dropped. A Weak
// must not be copied: use Clone to share, Move to transfer. After Drop or
// Move it is used up, and any further use panics.
type Weak[T any] struct {
	_     nocopy.NoCopy
	box   *box[T]          // nil when dangling or used up
	gen   uint32           // the header's generation when the handle was made (I5); see Rc.gen
	spent invariants.Spent // Dropped or Moved once the handle is used up; Never while usable
}

// NewWeak returns a dangling Weak, the same as the zero Weak, like Rust's
// Weak::new. It allocates nothing; Upgrade always fails.
func NewWeak[T any]() Weak[T] { return Weak[T]{} }

// Downgrade returns a new Weak to r's allocation: weak + 1, strong
// unchanged. It panics if r is empty or the weak count would overflow (I1).
//
// Like Clone, Downgrade has no slow path to call: a live handle can always
// be downgraded, so a declined test is a misuse or an overflow, and the
// panic records the header for *invariants.Error to diagnose. That keeps it
// small enough to be inlined (cost 66 of 80, chapter 11).
func Downgrade[T any](r *Rc[T]) Weak[T] {
	b := r.box
	if b == nil {
		if trace.Enabled {
			panic(trace.Empty(invariants.RcDowngrade, r.spent, r.gen))
		}
		panic(&invariants.Error{Op: invariants.RcDowngrade, Empty: true, Spent: r.spent})
	}
	// Checked builds also refuse a stale r: a header reused since r was made
	// (I5), or a value already dropped, which strong = 0 says without
	// reading the state (I2: the value is alive exactly while strong > 0).
	if b.Weak == invariants.MaxCount || (invariants.Enabled && (b.Gen != r.gen || b.Strong <= 0)) {
		if trace.Enabled {
			panic(trace.Annotate(&invariants.Error{Op: invariants.RcDowngrade, Header: b.Header, Gen: r.gen}, &b.log))
		}
		panic(&invariants.Error{Op: invariants.RcDowngrade, Header: b.Header, Gen: r.gen})
	}
	b.Weak++
	if trace.Enabled {
		b.note()
	}
	return Weak[T]{box: b, gen: r.gen}
}

// header returns w's allocation, or nil if w is dangling, after checking
// that w has not been dropped or moved and that the allocation was not
// freed (I5).
func (w *Weak[T]) header(op invariants.Op) *box[T] {
	if w.spent != invariants.Never {
		if trace.Enabled {
			panic(trace.Empty(op, w.spent, w.gen))
		}
		invariants.RefuseEmpty(op, w.spent)
	}
	b := w.box
	if b != nil {
		b.checkWeak(op, w.gen)
	}
	return b
}

// used leaves w used up, and records why.
func (w *Weak[T]) used(why invariants.Spent) {
	if trace.Enabled {
		w.gen = spend(why, w.box)
	}
	w.box, w.spent = nil, why
}

// Upgrade returns a new strong handle and true if the value is still alive,
// strong + 1. If the value has been dropped (or is being dropped, or was
// moved out by MakeMut or TryUnwrap), or w is dangling, it returns an empty
// Rc and false and changes nothing: a dead value is never resurrected (I7).
// It panics if w was dropped or moved, or the strong count would overflow
// (I1).
//
// Upgrade calls nothing, so that it is inlined (cost 79 of 80, chapter 11):
// its two answers of "no" need no check beyond the ones here, and every
// other way out is a misuse, a panic in place. The named results let the
// "no" answers share one bare return, which the inliner charges least.
func (w *Weak[T]) Upgrade() (r Rc[T], ok bool) {
	if b := w.box; b != nil {
		// Checked builds refuse a stale w: a header reused since w was made,
		// or freed, which weak = 0 says without reading the state (I5).
		if b.Strong == invariants.MaxCount || (invariants.Enabled && (b.Gen != w.gen || b.Weak <= 0)) {
			if trace.Enabled {
				panic(trace.Annotate(&invariants.Error{Op: invariants.WeakUpgrade, Header: b.Header, Gen: w.gen}, &b.log))
			}
			panic(&invariants.Error{Op: invariants.WeakUpgrade, Header: b.Header, Gen: w.gen})
		}
		// Only a live value gains a handle. Strong = 0 means the value has
		// been dropped, or is being dropped, or moved out; incrementing it
		// would resurrect a dead value (I7).
		if b.Strong > 0 {
			b.Strong++
			if trace.Enabled {
				b.note()
			}
			return Rc[T]{box: b, gen: w.gen}, true
		}
	} else if w.spent != invariants.Never {
		if trace.Enabled {
			panic(trace.Empty(invariants.WeakUpgrade, w.spent, w.gen))
		}
		panic(&invariants.Error{Op: invariants.WeakUpgrade, Empty: true, Spent: w.spent})
	}
	return // w is dangling, or the value is gone
}

// Clone returns another Weak to the same allocation (weak + 1), or another
// dangling Weak if w is dangling. It panics if w was dropped or moved, or
// the weak count would overflow (I1).
//
// Like Upgrade it calls nothing, and is inlined (cost 73 of 80): a Weak to
// a dead value is cloned the same way as one to a live value.
func (w *Weak[T]) Clone() Weak[T] {
	b := w.box
	if b == nil {
		if w.spent != invariants.Never {
			if trace.Enabled {
				panic(trace.Empty(invariants.WeakClone, w.spent, w.gen))
			}
			panic(&invariants.Error{Op: invariants.WeakClone, Empty: true, Spent: w.spent})
		}
		return Weak[T]{} // a dangling Weak clones to a dangling Weak
	}
	// Checked builds refuse a stale w, as Upgrade does (I5).
	if b.Weak == invariants.MaxCount || (invariants.Enabled && (b.Gen != w.gen || b.Weak <= 0)) {
		if trace.Enabled {
			panic(trace.Annotate(&invariants.Error{Op: invariants.WeakClone, Header: b.Header, Gen: w.gen}, &b.log))
		}
		panic(&invariants.Error{Op: invariants.WeakClone, Header: b.Header, Gen: w.gen})
	}
	b.Weak++
	if trace.Enabled {
		b.note()
	}
	return Weak[T]{box: b, gen: w.gen}
}

// Move transfers w to the returned handle and leaves w used up. The counts
// do not change. It panics if w was dropped or moved.
func (w *Weak[T]) Move() Weak[T] {
	b, gen := w.header(invariants.WeakMove), w.gen
	w.used(invariants.Moved) // which may reuse w.gen (trace.go)
	return Weak[T]{box: b, gen: gen}
}

// Drop gives up w: weak − 1, freeing the allocation if w was its last owner
// of any kind (I3, I5). Dropping a dangling Weak is allowed; dropping a Weak
// twice panics.
//
// The common case, a Weak that is not the last owner, is weakDropFast
// (fast.go), which receives the slow path as a parameter so that Drop is
// inlined (cost 78 of 80); the function literal is that slow path
// (chapter 11).
func (w *Weak[T]) Drop() {
	weakDropFast(w, func(w *Weak[T]) { w.dropSlow() })
}

// dropSlow is Drop for a dangling Weak, a dead value, the last owner of the
// allocation, and every misuse.
func (w *Weak[T]) dropSlow() {
	b := w.header(invariants.WeakDrop)
	w.used(invariants.Dropped)
	if b != nil {
		b.decWeak(invariants.WeakDrop)
	}
}

// StrongCount returns the number of strong handles to the value: 0 if w is
// dangling or the value is gone. It panics if w was dropped or moved.
func (w *Weak[T]) StrongCount() int {
	if b := w.header(invariants.WeakStrongCount); b != nil {
		return b.Strong
	}
	return 0
}

// WeakCount returns the number of Weak handles to the allocation, w
// included, without the implicit weak (I4): 0 if w is dangling or no strong
// handle remains, as in Rust's std. It panics if w was dropped or moved.
func (w *Weak[T]) WeakCount() int {
	if b := w.header(invariants.WeakWeakCount); b != nil {
		return b.weakCount()
	}
	return 0
}

// WeakPtrEq reports whether a and b point to the same allocation, like
// Rust's Weak::ptr_eq. Two dangling Weaks are equal. It never panics.
func WeakPtrEq[T any](a, b *Weak[T]) bool { return a.box == b.box }
