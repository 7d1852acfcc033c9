// Package weak is Rust's rc::Weak<T> rebuilt in Go: a handle that points at
// an rc allocation without owning its value.
//
// A Weak keeps the allocation (the header) alive but not the value: once the
// last rc.Rc is dropped the value is dropped too, and every Weak to it can
// still be asked about it, but Upgrade reports false. While the value lives,
// Upgrade returns a new strong handle. Use Weak for back-pointers (a child's
// parent, an observer's subject, a cache entry) so that they do not form an
// ownership cycle that never drops.
//
// This package also holds Downgrade and NewCyclic, the two operations that
// make a Weak from a strong handle or for a value that must point to itself:
// package rc cannot mention Weak, because weak imports rc.
//
// The zero Weak is dangling, like New(): it points at nothing, allocates
// nothing, never upgrades, and may be cloned and dropped. Like rc.Rc, a Weak
// must not be copied (go vet reports it); after Drop or Move it is used up
// and any further use panics: "weak: Drop: handle already dropped". A Weak to a
// freed allocation can only come from a copy made without Clone; with checks
// on, using it panics as "weak: Upgrade: use after free (I5)".
//
// Weak is not safe for concurrent use.
package weak
