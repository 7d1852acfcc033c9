package arc

// RawCounts returns both raw counts of a's header, for the external tests
// that need a count at the edge of its range (I1 overflow) without making
// 2^63 handles. The raw weak count includes the implicit weak (I4).
func RawCounts[T any](a *Arc[T]) (strong, weak int) {
	return int(a.box.strong.Load()), int(a.box.weak.Load())
}

// SetRawCounts overwrites both raw counts of a's header.
func SetRawCounts[T any](a *Arc[T], strong, weak int) {
	a.box.strong.Store(int64(strong))
	a.box.weak.Store(int64(weak))
}
