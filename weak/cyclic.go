package weak

import (
	"github.com/rcbook/rcbook/internal/rcbox"
	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rc"
)

// NewCyclic allocates a value that holds a Weak to itself. build receives a
// Weak to the allocation before the value exists; it may clone that Weak
// into the value (or move it there), but it cannot upgrade it: the strong
// count is 0 until build returns (I7). When build returns, the value is
// stored, strong becomes 1, and from then on the Weaks build made upgrade.
// This is how a tree node gets a parent pointer to a parent that is still
// being built, without a placeholder.
//
// If build panics, no value exists and no destructor runs; the Weak passed
// to build is released, the allocation is freed unless a Weak escaped (then
// it never upgrades), and the panic propagates.
func NewCyclic[T any](build func(self *Weak[T]) T) rc.Rc[T] {
	const op = invariants.WeakNewCyclic
	b := rcbox.NewUninit[T]() // strong 0, weak 2: self + the reserved implicit weak (I4)
	self := Weak[T]{box: b}
	built := false
	defer func() {
		if self.spent == invariants.Never {
			self.Drop() // the Weak handed to build is only on loan to it
		}
		if !built {
			b.Abandon(op)
		}
	}()
	value := build(&self)
	b.Init(op, value)
	built = true
	return rc.FromHeader(rcbox.Bridge, b)
}
