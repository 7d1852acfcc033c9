package arc

import "github.com/rcbook/rcbook/internal/rcbox"

// Dropper is implemented by values that need cleanup when the last strong
// handle goes: Drop is their destructor, called exactly once, on the
// goroutine that dropped the last strong handle. It is the same method set
// as rc.Dropper, so one type serves both. A value of type T is checked
// through *T, so both receivers work; a nil pointer value is not asked.
type Dropper interface{ Drop() }

// runDestructor drops the value, once, exactly as rc's header does: the
// cleanup, then the value's Drop method, which runs even if the cleanup
// panics (rcbox.RunDestructor).
func (b *box[T]) runDestructor() {
	cleanup := b.cleanup
	b.cleanup = nil // once, even if something calls back in
	rcbox.RunDestructor(&b.value, cleanup)
}
