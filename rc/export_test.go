package rc

// SetCounts overwrites both counts of the header, for the tests that need a
// count at the edge of its range (I1 overflow) without making 2^63 handles.
// The raw weak count includes the implicit weak (I4).
func (b *box[T]) SetCounts(strong, weak int) { b.Strong, b.Weak = strong, weak }

// SetRawCounts is SetCounts on r's header, for the external tests.
func SetRawCounts[T any](r *Rc[T], strong, weak int) { r.box.SetCounts(strong, weak) }
