// Package rc is Rust's Rc<T> rebuilt in Go: a handle that shares ownership
// of one value with every handle cloned from it, and drops the value at the
// exact moment the last of them lets go.
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
// and the value (see internal/rcbox for the layout). Clone adds a handle
// (strong + 1); Drop removes one (strong − 1). When strong reaches 0 the
// value's destructor runs: the cleanup given to NewWithCleanup, then the
// value's Drop method if its type implements Dropper. Package weak adds
// non-owning handles that can observe and upgrade.
//
// Handles follow Go's value rules only as far as vet allows: each carries a
// no-copy marker, so `go vet` reports `b := a` and passing an Rc by value.
// Duplicate a handle with Clone, transfer it with Move, give it up with Drop.
// The zero Rc is an empty handle that owns nothing.
//
// vet's copylocks check sees copies of a handle variable: assignment,
// passing or returning by value (return r.Move(), not r), range by value,
// and receiving from a channel. It does not see a slice's elements copied
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
//     the handle" (before any count changes).
//
// A destructor that panics still completes the drop: strong is 0, the
// implicit weak is released and the allocation is freed if no Weak remains;
// then the panic propagates to the caller of Drop.
//
// Building with -tags rcrelease compiles the header checks out. Empty handles
// and count overflow are still refused; a stale copy is not detected.
//
// # Cost
//
// Clone is inlined: a nil test, a compare, an increment. Drop takes one
// predicate (not the last handle, value alive) and an outlined slow path for
// the last handle; Go's inliner budget cannot fit Drop's empty-handle test
// and that call together, so Drop itself is a call. docs/benchmarks.md has
// the figures.
//
// # Concurrency
//
// Rc is not safe for concurrent use, like Rust's Rc, which is neither Send
// nor Sync. Handles to one allocation must stay on one goroutine at a time;
// `go test -race` reports a violation. Separate allocations may be used from
// separate goroutines.
package rc
