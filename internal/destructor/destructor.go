// Package destructor drops a value the way rc and arc both do: the cleanup
// given to NewWithCleanup first, then the value's own Drop method, if its
// type has one (rc.Dropper).
package destructor

import "reflect"

// Run drops the value at value: first cleanup, if not nil, then the value's
// Drop method, if plan says its type has one. The Drop method runs even when
// the cleanup panics, as Rust still drops a value's fields when its own Drop
// panics; the panic then propagates.
func Run[T any](value *T, cleanup func(T), plan Plan) {
	if cleanup != nil {
		defer callDrop(value, plan)
		cleanup(*value)
		return
	}
	callDrop(value, plan)
}

// Plan is how a value of some type T is dropped. Working it out takes a
// type assertion and reflection, a third of the cost of a pooled New+Drop,
// so a pool works it out once for its T (PlanFor) and passes it to every
// Run; everyone else passes Unknown.
type Plan uint8

// The plans.
const (
	Unknown    Plan = iota // not worked out yet: Run asks at the drop
	None                   // T has no Drop method
	ViaPointer             // *T has Drop (with either receiver)
	ViaValue               // T is a pointer or interface that may have Drop
)

// PlanFor works out the Plan for T. The pointer covers both receivers of a
// struct type; the value itself is asked only when T is a pointer or an
// interface, the only kinds whose Drop *T does not expose. Asking any other
// T would box it, an allocation for nothing.
func PlanFor[T any]() Plan {
	if _, ok := any((*T)(nil)).(interface{ Drop() }); ok {
		return ViaPointer
	}
	switch reflect.TypeFor[T]().Kind() {
	case reflect.Pointer, reflect.Interface:
		return ViaValue
	}
	return None
}

// callDrop calls Drop on the value if its type has one, following plan. A
// nil pointer or interface owns nothing, so its Drop is not called. The
// method set asserted here is rc.Dropper's, spelled out because this
// package sits below rc.
func callDrop[T any](v *T, plan Plan) {
	if plan == Unknown {
		plan = PlanFor[T]()
	}
	switch plan {
	case ViaPointer:
		any(v).(interface{ Drop() }).Drop()
	case ViaValue:
		if d, ok := any(*v).(interface{ Drop() }); ok && !isNilPointer(d) {
			d.Drop()
		}
	}
}

func isNilPointer(x any) bool {
	v := reflect.ValueOf(x)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
