//lint:file-ignore U1000 unused only while exercise.go is still a stub

package capstone

// runDestructor drops a value the way rc does: first the cleanup given to
// NewWithCleanup, if there is one, then the value's own Drop method, if *T
// has one (model.Value does). Drop is deferred, so it runs even if cleanup
// panics. If either panics, the panic reaches the caller: your Drop must
// still finish its work (I2, I4) and let the panic go on.
//
// Call it exactly once per value, when the last strong handle goes, and
// never for a value that TryUnwrap, IntoInner or MakeMut moved out.
func runDestructor[T any](value *T, cleanup func(T)) {
	if d, ok := any(value).(interface{ Drop() }); ok {
		defer d.Drop()
	}
	if cleanup != nil {
		cleanup(*value)
	}
}
