// Package arc is rc and weak made safe across goroutines: Rust's Arc<T> and
// sync::Weak<T>, rebuilt in Go with sync/atomic. Arc and Weak have the same
// API and the same semantics as rc.Rc and weak.Weak (counts, the implicit
// weak, GetMut, MakeMut, TryUnwrap, IntoInner, NewCyclic), obey the same
// rules I1–I7, and pass the same model-based tests. The difference is that
// handles to one allocation may be cloned, dropped, downgraded and upgraded
// from many goroutines at once, each handle owned by one goroutine at a
// time; hand a handle over with Move.
//
// # What changes when the counts are shared
//
// The header holds the same two counts as rc's, as atomic.Int64s. Clone is
// one atomic Add(1), its result tested for overflow (I1); Drop is one atomic
// Add(-1), and the goroutine that sees 0 is the last owner and runs the same
// last-drop order as rc (strong → 0, the value dropped once, the implicit
// weak released, the allocation freed at weak 0). Three operations need more
// than an Add, and each says why in its doc comment:
//
//   - Upgrade must never revive a dropped value (I7): a compare-and-swap
//     loop increments strong only if it is still the non-zero value read.
//   - GetMut and MakeMut must see strong == 1 and "no Weak" at one instant
//     (I6): they lock the weak count for a moment, and Downgrade waits for
//     the lock (unique.go).
//   - TryUnwrap and MakeMut take the value out with a compare-and-swap of
//     strong from 1 to 0, so an Upgrade cannot slip in between test and take.
//
// # Memory ordering: Go's atomics next to Rust's
//
// Counting is not enough: the owner that runs the destructor must also see
// everything the other owners did to the value before they let go, and
// GetMut's caller must see it before it writes.
//
// Rust spells out an ordering on every atomic operation. Arc's clone
// increments with Relaxed ordering, because a clone creates no new access:
// the caller already holds a handle, so the value is alive and stays alive,
// and the increment only has to be atomic. Arc's drop decrements with
// Release ordering, so that each owner's uses of the value happen before its
// decrement; the thread that takes the count to zero then needs an Acquire
// fence (or an Acquire load) before it runs the destructor, so that those
// releases are visible to it. Paying for Acquire on every decrement would be
// wasted on all but the last, hence the separate fence. Upgrade and the
// uniqueness check need Acquire on their successful reads for the same
// reason, and the unlock of the weak count is a Release store.
//
// Go's sync/atomic has no orderings to choose. The Go memory model makes
// every atomic operation sequentially consistent: all of them, on all
// variables, behave as if executed in one total order that every goroutine
// agrees on, and "if the effect of an atomic operation A is observed by
// atomic operation B, then A is synchronized before B". Each read-modify-
// write (Add, CompareAndSwap) is therefore both a release and an acquire.
// For the last drop, each owner's Add(-1) comes after its uses of the value
// in its own goroutine; the Add that returns 0 reads the value written by
// the previous decrement, which read the one before, and so on, so every
// earlier decrement is synchronized before it, and so is every use of the
// value before each of them. No fence is needed: the final Add already
// acquires what every earlier one released. The same reasoning covers
// Upgrade's compare-and-swap, the load of strong in the uniqueness check,
// and the unlocking store. The race detector models these edges, so
// go test -race checks them on the value's plain memory.
//
// The price is that Clone pays for an ordering it does not need. On amd64
// nothing is lost: every atomic read-modify-write is a locked instruction,
// a full barrier whatever ordering Rust asks for. On arm64 a relaxed add can
// be a cheaper instruction than the sequentially consistent one Go emits.
//
// # Concurrency contract
//
// Operations on different handles to one allocation may run on different
// goroutines at once. A handle itself is a small struct owned by one
// goroutine: Drop, Move, GetMut, MakeMut, TryUnwrap and IntoInner need it to
// themselves (Rust's self and &mut self), while Clone, Get, StrongCount,
// WeakCount, Downgrade and Upgrade only read it and may share it (Rust's
// &self). The value is shared read-only through Get; write it through
// GetMut or MakeMut, or give T its own synchronization. The destructor runs
// on the goroutine that drops the last strong handle. StrongCount and
// WeakCount are snapshots that other goroutines may change at once.
//
// Handles carry the same no-copy marker as rc's, so go vet reports b := a;
// the zero Arc is empty and the zero Weak is dangling.
//
// # Cleanups that can fail
//
// As in package rc, NewCloser and NewWithCleanupErr take a cleanup that
// returns an error, and Close is the Drop that returns it, so an Arc is an
// io.Closer; a plain Drop that runs a failing cleanup completes the drop
// and then panics with an *invariants.CleanupError (closer.go). The
// cleanup runs on whichever goroutine lets go last, so with a cleanup that
// can fail every owner should Close.
//
// The rest of rc's engineers' API is here too: UnwrapOrClone (unwrap.go),
// Tokens that carry strong counts through C and may come back on any
// thread (raw.go), and fmt.Formatter for Arc and Weak (format.go).
//
// # Misuse
//
// Misuse panics with an *invariants.Error, the error type of package rc
// too, naming the package, the operation and, where a rule is broken, the
// invariant: "arc: Drop: handle already dropped", "arc: Weak.Upgrade: use
// after free (I5)", "arc: Clone: strong count overflow (I1)". A refused operation leaves the
// counts as they were: where the atomic update has already happened, it is
// undone before the panic. For the instant in between, other goroutines can
// see the refused count; only a program that already copied a handle
// without Clone, or holds 2^63 handles, gets there. A stale Clone's instant
// is the worst: a dead value's strong count reads 1, and an Upgrade on
// another goroutine can succeed on it (I7).
//
// The hot paths (Clone, Drop, Upgrade, Weak.Clone, Weak.Drop) test only the
// result of their own atomic update, in every build: besides overflow, it
// shows a count that was already 0, which is how a handle copied without
// Clone gives itself away once its value or allocation is gone. Checks are
// on by default for everything else: the other operations also test the
// allocation's state (alive, dropping, dead, freed), so that a stale handle
// is told apart as "value already dropped (I2)" or "use after free (I5)",
// and a Weak copied without Clone cannot give up the implicit weak (I4).
// Building with -tags rcrelease compiles those state tests out
// (invariants.Enabled is false); empty handles and count overflow are
// refused in both builds, with a panic. Rust's Arc aborts when a clone
// overflows a count (its upgrade and downgrade panic), and has no empty
// handle to refuse: a moved value does not compile.
package arc
