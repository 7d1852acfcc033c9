package rcbox

import "reflect"

// dropper is rc.Dropper, restated here so that the header need not import rc.
type dropper interface{ Drop() }

// runDestructor drops the value, once: the cleanup is taken out of the
// header first, so that nothing calling back in can run it again.
func (b *Box[T]) runDestructor() {
	cleanup := b.cleanup
	b.cleanup = nil
	RunDestructor(&b.value, cleanup)
}

// RunDestructor drops a value: first cleanup (NewWithCleanup's), if not
// nil, then the value's own Drop method, if it has one. The Drop method
// runs even when the cleanup panics, as Rust still drops a value's fields
// when its own Drop panics. Package arc's header calls it too.
func RunDestructor[T any](value *T, cleanup func(T)) {
	if cleanup != nil {
		defer callDrop(value)
		cleanup(*value)
		return
	}
	callDrop(value)
}

// callDrop calls Drop on the value if its type has one. The pointer covers
// both receivers of a struct type; the value itself is asked only when T is
// a pointer or an interface, the only kinds whose Drop *T does not expose.
// Asking any other T would box it, an allocation for nothing. A nil pointer
// or interface owns nothing, so its Drop is not called.
func callDrop[T any](v *T) {
	if d, ok := any(v).(dropper); ok {
		d.Drop()
		return
	}
	switch reflect.TypeFor[T]().Kind() {
	case reflect.Pointer, reflect.Interface:
		if d, ok := any(*v).(dropper); ok && !isNilPointer(d) {
			d.Drop()
		}
	}
}

func isNilPointer(x any) bool {
	v := reflect.ValueOf(x)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
