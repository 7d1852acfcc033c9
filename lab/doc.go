// Package lab is rcbook's verification lab: evidence that the checks catch
// real bugs, not just a claim that they would.
//
//   - Mutants: each Mutant is a bug a real implementer makes, written as a
//     small edit to one file of the library (the file, the exact text to
//     replace, the text that replaces it). RunMutants builds each one with
//     go's -overlay flag, from a temporary copy of that file, so the tree
//     is never touched and the code a reader follows is exactly the code
//     that ships. It runs the tests CI runs against it; each must fail.
//     The capstone exercise's reference solution has mutants too
//     (CapstoneMutants): the bugs its hints warn about, hunted by the
//     capstone's own tests in the exercises module.
//   - Exploration: Explore runs every operation sequence up to a depth over
//     a small universe against the real rc, with no violation allowed.
//   - Rust: CompareExplored and CompareRandom replay sequences on Rust's own
//     std::rc and std::sync::Arc, through rcdiff (rust/rcdiff.rs, built by
//     BuildRust), and require Rust, the model and the library to show the
//     same after every step (rust.go).
//   - Interleavings: package lab/interleave rewrites the concurrent packages
//     so that every atomic and lock step yields to the scheduler of package
//     lab/sched, which explores their schedules up to a preemption bound;
//     every concurrent mutant must die there.
//
// cmd/rcbook's `lab mutants`, `lab explore`, `lab rust` and `lab interleave`
// print these results, and the book's mutant catalogue (appendix A1) is
// regenerated from them.
package lab

import "github.com/rcbook/rcbook/invariants/model"

// Universe is the bound every exploration uses: at most 3 live
// allocations, at most 4 handles to each.
var Universe = model.ExploreConfig{MaxAllocs: 3, MaxHandles: 4}

// Explore explores the real rc to the given depth.
func Explore(depth int) model.ExploreResult {
	cfg := Universe
	cfg.Depth = depth
	return model.Explore(Rc{}, cfg)
}
