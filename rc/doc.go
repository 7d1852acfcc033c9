// Package rc is Rust's std::rc rebuilt in Go: Rc, a handle that shares
// ownership of one value with every handle cloned from it and drops the
// value at the exact moment the last of them lets go; Weak, a handle that
// points at the allocation without owning the value; and Pool, which
// reuses freed headers. As in Rust, Rc and Weak live in one package, so
// neither needs a back door into the other's header.
//
// Go already has a garbage collector, so rc is not about freeing memory. It
// is about deterministic cleanup of shared resources (files, connections,
// pooled buffers, cgo handles) whose cleanup must run when the last owner is
// done, not at some later collection. It is also a model to read: every rule
// the implementation keeps is stated in package invariants and cited (I1–I7)
// at the line that keeps it.
//
// # Handles
//
// An Rc is a handle to one allocation holding a strong count, a weak count
// and the value (box.go draws the layout). Clone adds a handle (strong + 1);
// Drop removes one (strong − 1). When strong reaches 0 the value's
// destructor runs: the cleanup given to NewWithCleanup, then the value's
// DropInto or Drop method if its type implements QueueDropper or Dropper.
// A value that owns other Rcs (a list or tree node) should be a
// QueueDropper: it hands them to the drop in progress, a DropQueue, which
// drops them one after another instead of one inside the other, so a list
// of any length drops on a bounded stack (queue.go). Downgrade makes a Weak
// (weak + 1), which Upgrade turns back into an Rc while the value lives;
// NewCyclic builds a value that holds a Weak to itself. The files follow
// the book: box.go (the header), fast.go and check.go (the fast paths and
// the checks), rc.go, drop.go (the last drop, in order), weak.go, cyclic.go,
// unique.go (GetMut, MakeMut, TryUnwrap, IntoInner), pool.go, observe.go;
// then the engineers' API: closer.go (cleanups that return an error),
// unwrap.go (UnwrapOrClone), raw.go (counts carried through C) and
// format.go (printing a handle).
//
// Packages weak and pool keep their names for existing callers: they are
// type aliases and functions that forward here.
//
// Handles follow Go's value rules only as far as vet allows: each carries a
// no-copy marker, so `go vet` reports `b := a` and passing an Rc by value.
// Duplicate a handle with Clone, transfer it with Move, give it up with Drop.
// The zero Rc is an empty handle that owns nothing.
//
// vet's copylocks check sees copies of an existing handle: assignment,
// passing or returning by value (return r.Move(), not r), range by value,
// receiving from a channel, and reading a map or slice element. It lets
// every call's result through. It does not see a slice's elements copied
// wholesale (copy, append(dst, src...), slices.Clone), and go test does not
// run it: run go vet. A copy vet misses is caught at run time once the
// allocation is freed or the value dropped (see Misuse).
//
// # Misuse
//
// Every misuse panics with an *invariants.Error whose message names the
// package, the operation and, where a rule is broken, the invariant. A
// refused operation changes no count. In the default (checked) build:
//
//   - double Drop, or any use after Drop, Move, TryUnwrap or IntoInner:
//     "rc: Drop: handle already dropped", "rc: Get: handle was moved out ...";
//   - the zero Rc: "rc: Clone: empty handle (the zero value owns nothing)";
//   - a handle copied without Clone, used after the allocation was freed:
//     "rc: Get: use after free (I5)"; used after the value was dropped but
//     while Weaks keep the allocation: "rc: Get: value already dropped ... (I2)";
//   - a strong count at its maximum: "rc: Clone: strong count overflow (I1)";
//   - a destructor that reaches its own allocation through a stale handle:
//     "rc: Drop: value is being dropped ... (I2)";
//   - MakeMut with a nil clone function: "rc: MakeMut: nil clone function";
//     with a clone function that drops, moves or replaces the handle MakeMut
//     runs on: "rc: MakeMut: the clone function dropped, moved or replaced
//     the handle" (before any count changes);
//   - a Weak used after Drop or Move: "rc: Weak.Drop: handle already
//     dropped"; a Weak copied without Clone, used after the allocation was
//     freed: "rc: Weak.Upgrade: use after free (I5)";
//   - a handle from a pooled header that was freed and handed out again:
//     "rc: Get: use after free: the allocation was freed and its pool
//     reused the header (handle generation 1, header generation 2) (I5)";
//   - a nil *Pool: "rc: Pool.New: nil pool";
//   - a Token that is used up, 0, never issued, arc's, or for another type:
//     "rc: FromRaw: token 0x3 is used up: ... (I1)" (raw.go).
//
// A destructor that panics still completes the drop: strong is 0, the
// implicit weak is released and the allocation is freed if no Weak remains;
// then the panic propagates to the caller of Drop.
//
// # Cleanups that can fail
//
// NewCloser (cleanup: the value's Close) and NewWithCleanupErr take a
// cleanup that returns an error, and Close is the Drop that returns it:
// nil from an owner that was not the last, the cleanup's error from the
// last. An Rc is therefore an io.Closer. A plain Drop that runs a failing
// cleanup completes the drop, then panics with an *invariants.CleanupError
// wrapping the error, as it would if the cleanup had panicked: Drop has no
// result to return it in, and the error must not vanish (closer.go says
// why neither logging nor dropping it would do).
//
// Building with -tags rcrelease compiles the header checks out. Empty handles
// and count overflow are still refused with a panic, on purpose (Rust's std
// aborts on overflow, and a moved value does not compile there); a stale
// copy is not detected.
//
// # Cost
//
// Clone is inlined: a nil test, a compare, an increment. Drop takes one
// predicate (not the last handle, value alive) and an outlined slow path for
// the last handle; Go's inliner budget cannot fit Drop's empty-handle test
// and that call together, so Drop itself is a call. docs/benchmarks.md has
// the figures. A Pool saves the allocation of New once it is warm.
//
// # Concurrency
//
// Rc, Weak and Pool are not safe for concurrent use, like Rust's Rc, which
// is neither Send nor Sync. Handles to one allocation must stay on one
// goroutine at a time; `go test -race` reports a violation. Separate
// allocations may be used from separate goroutines, unless they come from
// the same Pool: a pool, and every allocation from it, belong to one
// goroutine at a time. Package arc is the same API with atomic counts.
package rc
