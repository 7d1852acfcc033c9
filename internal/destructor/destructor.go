// Package destructor drops a value the way rc and arc both do: the cleanup
// given to NewWithCleanup first, then the value's own destructor, if its
// type has one: DropInto (rc.QueueDropper), or else Drop (rc.Dropper).
package destructor

import "reflect"

// Run is RunIn with no drop in progress, as arc and a plain Drop call it.
func Run[T any](value *T, cleanup func(T), plan Plan) {
	RunIn(value, cleanup, plan, nil)
}

// RunIn drops the value at value: first cleanup, if not nil, then the
// value's destructor, if plan says its type has one: DropInto with q, or
// Drop. The destructor runs even when the cleanup panics, as Rust still
// drops a value's fields when its own Drop panics; the panic then
// propagates. DropInto queues what the value owns into q, the drop in
// progress, or, if q is nil, into a queue of its own that is drained before
// RunIn returns (see Queue).
func RunIn[T any](value *T, cleanup func(T), plan Plan, q *Queue) {
	if cleanup != nil {
		defer callDrop(value, plan, q)
		cleanup(*value)
		return
	}
	callDrop(value, plan, q)
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
	ViaValue               // T is a pointer or interface that may have DropInto or Drop
	ViaQueue               // *T has DropInto (with either receiver)
)

// PlanFor works out the Plan for T. The pointer covers both receivers of a
// struct type; the value itself is asked only when T is a pointer or an
// interface, the only kinds whose methods *T does not expose. Asking any
// other T would box it, an allocation for nothing. DropInto wins over Drop
// when a type has both. One type switch asks both questions: Go caches its
// answer per type at the switch, so the second costs nothing.
func PlanFor[T any]() Plan {
	switch any((*T)(nil)).(type) {
	case QueueDropper:
		return ViaQueue
	case interface{ Drop() }:
		return ViaPointer
	}
	switch reflect.TypeFor[T]().Kind() {
	case reflect.Pointer, reflect.Interface:
		return ViaValue
	}
	return None
}

// callDrop calls the value's destructor if its type has one, following
// plan: DropInto with q, or Drop. A nil pointer or interface owns nothing,
// so its destructor is not called. The method set asserted for Drop is
// rc.Dropper's, spelled out because this package sits below rc.
func callDrop[T any](v *T, plan Plan, q *Queue) {
	if plan == Unknown {
		plan = PlanFor[T]()
	}
	switch plan {
	case ViaQueue:
		q.run(any(v).(QueueDropper))
	case ViaPointer:
		any(v).(interface{ Drop() }).Drop()
	case ViaValue:
		switch d := any(*v).(type) {
		case QueueDropper:
			if !isNilPointer(d) {
				q.run(d)
			}
		case interface{ Drop() }:
			if !isNilPointer(d) {
				d.Drop()
			}
		}
	}
}

func isNilPointer(x any) bool {
	v := reflect.ValueOf(x)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
