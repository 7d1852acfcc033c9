package rcbox

import "reflect"

// dropper is rc.Dropper, restated here so that the header need not import rc.
type dropper interface{ Drop() }

// runDestructor drops the value, once: the cleanup is taken out of the
// header first, so that nothing calling back in can run it again. A pooled
// header uses the plan its pool worked out once for T.
func (b *Box[T]) runDestructor() {
	cleanup := b.cleanup
	b.cleanup = nil
	plan := dropPlan(planUnknown)
	if b.home != nil {
		plan = b.home.plan
	}
	runDestructor(&b.value, cleanup, plan)
}

// RunDestructor is runDestructor for callers that have no drop plan for T
// at hand. Package arc's header calls it.
func RunDestructor[T any](value *T, cleanup func(T)) {
	runDestructor(value, cleanup, planUnknown)
}

// runDestructor drops a value: first cleanup (NewWithCleanup's), if not
// nil, then the value's own Drop method, if it has one (plan says whether
// it does; see dropPlan). The Drop method runs even when the cleanup panics,
// as Rust still drops a value's fields when its own Drop panics.
func runDestructor[T any](value *T, cleanup func(T), plan dropPlan) {
	if cleanup != nil {
		defer callDrop(value, plan)
		cleanup(*value)
		return
	}
	callDrop(value, plan)
}

// dropPlan is how a value of some type T is dropped. Working it out takes a
// type assertion and reflection, a third of the cost of a pooled New+Drop,
// so a pool works it out once for its T.
type dropPlan uint8

const (
	planUnknown    dropPlan = iota // not worked out yet: ask at the drop
	planNone                       // T has no Drop method
	planViaPointer                 // *T has Drop (either receiver)
	planViaValue                   // T is a pointer or interface that may have Drop
)

// planDrop works out the dropPlan for T. The pointer covers both receivers
// of a struct type; the value itself is asked only when T is a pointer or
// an interface, the only kinds whose Drop *T does not expose. Asking any
// other T would box it, an allocation for nothing.
func planDrop[T any]() dropPlan {
	if _, ok := any((*T)(nil)).(dropper); ok {
		return planViaPointer
	}
	switch reflect.TypeFor[T]().Kind() {
	case reflect.Pointer, reflect.Interface:
		return planViaValue
	}
	return planNone
}

// callDrop calls Drop on the value if its type has one, following plan. A
// nil pointer or interface owns nothing, so its Drop is not called.
func callDrop[T any](v *T, plan dropPlan) {
	if plan == planUnknown {
		plan = planDrop[T]()
	}
	switch plan {
	case planViaPointer:
		any(v).(dropper).Drop()
	case planViaValue:
		if d, ok := any(*v).(dropper); ok && !isNilPointer(d) {
			d.Drop()
		}
	}
}

func isNilPointer(x any) bool {
	v := reflect.ValueOf(x)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
