// Package pool gives rc allocations a bounded pool of reusable headers, so
// that allocating costs no trip to Go's allocator once the pool is warm.
//
// New(p, v) returns an ordinary rc.Rc: Clone, Drop, weak.Downgrade, Upgrade,
// MakeMut and the rest work exactly as they do for rc.New, and every rule
// I1–I7 holds unchanged. The only difference is where the header comes from
// and where it goes. It is taken from the pool when the pool holds one, and
// from the heap otherwise. When the allocation is freed (strong and weak
// both 0, I5), it goes back to the pool, unless the pool already holds
// MaxSize headers; then the garbage collector has it. A Weak that outlives
// the value therefore keeps the header out of the pool until it is dropped.
//
// Reusing memory makes one bug much worse: a handle copied without Clone
// that outlives its allocation. With rc.New the freed header stays freed, so
// a stale handle is always refused. A pool hands the same header to the next
// New, alive again. Every header therefore counts its lives (its
// generation), and every handle records the generation it was made for, so
// a handle from an earlier life is refused as a use after free (I5) in
// checked builds, with a message that gives both generations. Like the other
// checks it compiles away with -tags rcrelease.
//
// Default(p) is New without a value, for values that own memory worth
// keeping: when the pool has a reset hook, a reused header keeps the storage
// its previous value left behind (a slice's backing array, say), and reset
// brings it to a fresh state. This takes the place of Rust's refpool
// PoolDefault and PoolClone traits.
//
// A Pool is not safe for concurrent use, and neither are the handles it
// makes; chapter 14 of the book says why a goroutine-safe pool is not worth
// it here. The zero Pool is a null pool: it keeps nothing, so every New
// allocates, exactly like rc.New.
package pool
