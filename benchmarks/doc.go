// Package benchmarks measures rc, weak, arc and refcount beside the peers
// that bound them, in one package so that one run compares them under the
// same conditions:
//
//   - plain: a non-atomic counter doing the same increments and the same
//     last-drop test, with no checks and no state — the floor for Rc;
//   - atomic: the same counter with sync/atomic, what an Arc pays;
//   - mutex: the same counter guarded by sync.Mutex;
//   - stdweak: the standard library's weak.Pointer (Make and Value), Go's
//     own weak reference, which needs the garbage collector's help;
//   - for arc, a bare atomic.Int64 Add(+1)/Add(-1) pair; for refcount and
//     rwlock, sync.RWMutex.
//
// Run with and without the checks:
//
//	go test -run=^$ -bench=. -benchmem ./benchmarks
//	go test -run=^$ -bench=. -benchmem -tags rcrelease ./benchmarks
//
// docs/benchmarks.md records the figures and the ratios; go run ./docs/bench
// also times the same pairs on Rust's std (docs/bench/pairs.rs) and writes
// the tables against it, Clone+Drop over many live allocations
// (BenchmarkCloneDropLive) and the drop of a million-node list
// (BenchmarkDropChain, beside the nested BenchmarkDropChainNested).
package benchmarks
