package rc

import "github.com/rcbook/rcbook/internal/trace"

// SetCounts overwrites both counts of the header, for the tests that need a
// count at the edge of its range (I1 overflow) without making 2^63 handles.
// The raw weak count includes the implicit weak (I4).
func (b *box[T]) SetCounts(strong, weak int) { b.Strong, b.Weak = strong, weak }

// SetRawCounts is SetCounts on r's header, for the external tests.
func SetRawCounts[T any](r *Rc[T], strong, weak int) { r.box.SetCounts(strong, weak) }

// ReturnsAtOnce reports whether dropping r would take the pooled
// shortcut (pool.go), for the property test that must know it exercises it.
func ReturnsAtOnce[T any](r *Rc[T]) bool { return r.box.returnsAtOnce() }

// Traced is trace.Enabled: -tags rctrace, under which no drop takes the
// pooled shortcut.
const Traced = trace.Enabled
