//go:build solution

package lastdrop

import "fmt"

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
	h := &a.Header
	switch {
	case h.Freed: // I5 first: nothing else about a freed header means anything
		return &Violation{"I5", "use after free: the allocation was already freed"}
	case h.Strong < 1:
		return &Violation{"I1", fmt.Sprintf("strong count underflow: dropping a strong handle at strong == %d", h.Strong)}
	case h.Weak < 1:
		return &Violation{"I4", fmt.Sprintf("strong == %d but weak == %d: the implicit weak is missing", h.Strong, h.Weak)}
	case h.Dropped:
		return &Violation{"I2", fmt.Sprintf("strong == %d but the value was already dropped", h.Strong)}
	}
	if h.Strong > 1 {
		a.DecStrong() // not the last handle: the value stays alive (I2)
		return nil
	}
	// The last strong handle. 1: strong 1 → 0, so from here on nothing can
	// upgrade, not even from inside the destructor (I7).
	a.DecStrong()
	// 3, deferred so that it happens even if the destructor panics: release
	// the implicit weak (I4) and free iff no Weak remains (I5). It must come
	// after 2: a destructor that drops a Weak stored in the value would
	// otherwise bring weak to 0 and free the allocation it is running in.
	defer func() {
		a.ReleaseImplicitWeak()
		if h.Weak == 0 {
			a.Free()
		}
	}()
	// 2: drop the value, exactly once (I2).
	a.DropValue()
	return nil
}
