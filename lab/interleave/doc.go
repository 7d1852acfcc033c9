// Package interleave builds the concurrent packages (arc, refcount, rwlock,
// rcmap) for the lab's scheduler and runs their interleaving scenarios.
//
// Rewrite turns a file's steps into calls of package lab/sched; Overlay
// writes the rewritten files of a Target, with a mutant's edit applied
// first if asked, as an overlay for go's -overlay flag, so the tree is
// never touched; Explore runs the target's TestInterleave (the scenarios in
// its interleave_test.go, built with the rcinterleave tag) against that
// overlay and reads back one Report per scenario. cmd/rcbook's `lab
// interleave` is the command around it.
package interleave
