//go:build !solution

package lastdrop

// DropStrong drops one strong handle to a. If that handle was not the last
// one, only strong goes down. If it was, it does the last strong drop in
// the order the invariants require: strong 1 → 0, the value is dropped, the
// implicit weak is released, and the allocation is freed if weak is now 0.
// That last step happens even if the destructor panics.
//
// If a's header breaks an invariant, DropStrong changes nothing and returns
// a *Violation naming it: I5 if the allocation was freed, I1 if strong
// would underflow, I4 if strong > 0 but the implicit weak is missing, I2 if
// strong > 0 but the value was already dropped (checked in that order).
func DropStrong(a *Allocation) error {
	panic("TODO: check the header, then drop in the order the invariants require")
}
