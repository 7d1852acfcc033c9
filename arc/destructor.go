package arc

import "reflect"

// Dropper is implemented by values that need cleanup when the last strong
// handle goes: Drop is their destructor, called exactly once, on the
// goroutine that dropped the last strong handle. It is the same method set
// as rc.Dropper, so one type serves both. A value of type T is checked
// through *T, so both receivers work; a nil pointer value is not asked.
type Dropper interface{ Drop() }

// runDestructor drops the value: first the cleanup given to NewWithCleanup,
// if any, then the value's own Drop method, if it has one. The Drop method
// runs even when the cleanup panics, as for rc.
func (b *box[T]) runDestructor() {
	if cleanup := b.cleanup; cleanup != nil {
		b.cleanup = nil // once, even if something calls back in
		defer callDrop(&b.value)
		cleanup(b.value)
		return
	}
	callDrop(&b.value)
}

// callDrop calls Drop on the value if its type has one. The pointer covers
// both receivers of a struct type; the value itself is asked only when T is
// a pointer or an interface, the only kinds whose Drop *T does not expose,
// so that no other T is boxed for nothing. A nil pointer or interface owns
// nothing, so its Drop is not called.
func callDrop[T any](v *T) {
	if d, ok := any(v).(Dropper); ok {
		d.Drop()
		return
	}
	switch reflect.TypeFor[T]().Kind() {
	case reflect.Pointer, reflect.Interface:
		if d, ok := any(*v).(Dropper); ok && !isNilPointer(d) {
			d.Drop()
		}
	}
}

func isNilPointer(x any) bool {
	v := reflect.ValueOf(x)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
