package arc

import "github.com/rcbook/rcbook/invariants"

// NewCyclic allocates a value that holds a Weak to itself. build receives a
// Weak to the allocation before the value exists; it may clone that Weak
// into the value (or move it there), but it cannot upgrade it: the strong
// count is 0 until build returns (I7). When build returns, the value is
// stored, strong becomes 1, and from then on the Weaks build made upgrade,
// on any goroutine. build may even hand a clone of its Weak to another
// goroutine: Upgrade there fails until the value is stored, and succeeds
// afterwards with the value fully visible.
//
// If build panics, no value exists and no destructor runs; the Weak passed
// to build is released, the allocation is freed unless a Weak escaped (then
// it never upgrades), and the panic propagates.
func NewCyclic[T any](build func(self *Weak[T]) T) Arc[T] {
	b := newUninit[T]() // strong 0, weak 2: self + the reserved implicit weak (I4)
	self := Weak[T]{box: b}
	built := false
	defer func() {
		if self.spent == invariants.Never {
			self.Drop() // the Weak handed to build is only on loan to it
		}
		if !built {
			b.abandon()
		}
	}()
	value := build(&self)
	b.init(value)
	built = true
	return own(b)
}

// abandon gives up an allocation whose value was never built, because the
// build function panicked. No value exists, so no destructor runs (I2); the
// reserved implicit weak is released, which frees the allocation unless a
// Weak made during the build escaped (I3, I5).
func (b *box[T]) abandon() {
	b.endValueAndReleaseImplicitWeak(invariants.ArcNewCyclic)
}
