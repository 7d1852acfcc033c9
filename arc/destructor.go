package arc

import (
	"github.com/rcbook/rcbook/internal/destructor"
	"github.com/rcbook/rcbook/rc"
)

// Dropper is rc.Dropper: values with a Drop method get it called exactly
// once when the last strong handle goes, here on the goroutine that dropped
// it. One interface serves both packages, so one type works with both.
type Dropper = rc.Dropper

// runDestructor drops the value, once, exactly as rc's header does: the
// cleanup, then the value's Drop method, which runs even if the cleanup
// panics (destructor.Run).
func (b *box[T]) runDestructor() {
	cleanup := b.cleanup
	b.cleanup = nil // once, even if something calls back in
	destructor.Run(&b.value, cleanup, destructor.Unknown)
}
