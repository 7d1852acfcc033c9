package invariants

import "fmt"

// Consistent reports whether a header's counts agree with its state. It is
// the whole of I1–I5 for one header at rest:
//
//	alive:                  strong ≥ 1 and weak ≥ 1  (I2: value live iff strong > 0; I4: implicit weak held)
//	uninit, dropping, dead: strong == 0 and weak ≥ 1 (I2; I3: still allocated)
//	freed:                  strong == 0 and weak == 0 (I3, I5)
//
// A negative count fails every case (I1). Consistent is small enough to be
// inlined into the header's fast paths.
func Consistent(strong, weak int, s State) bool {
	switch s {
	case Alive:
		return strong > 0 && weak > 0
	case Uninit, Dropping, Dead:
		return strong == 0 && weak > 0
	case Freed:
		return strong == 0 && weak == 0
	}
	return false
}

// StrongUsable reports whether a strong handle may operate on a header: the
// value must be alive and the header consistent.
func StrongUsable(strong, weak int, s State) bool {
	return s == Alive && strong > 0 && weak > 0
}

// WeakUsable reports whether a Weak may operate on a header: the allocation
// must not be freed (I5) and the header must be consistent.
func WeakUsable(strong, weak int, s State) bool {
	return s != Freed && Consistent(strong, weak, s)
}

// Verify panics with an *Error naming the broken rule if the header is not
// Consistent after op. The header calls it after every slow-path transition.
func Verify(op Op, strong, weak int, s State) {
	if !Consistent(strong, weak, s) {
		rule, problem := diagnose(strong, weak, s)
		Fail(op, rule, problem+" after the operation")
	}
}

// RefuseStrong panics with the reason a strong handle may not use this
// header. The header calls it only once StrongUsable has returned false.
func RefuseStrong(op Op, strong, weak int, s State) {
	switch {
	case s == Freed:
		Fail(op, I5, "use after free")
	case s == Dropping && strong == 0:
		Fail(op, I2, "value is being dropped: a destructor reached its own allocation through a stale strong handle")
	case s == Dead && strong == 0:
		Fail(op, I2, "value already dropped: this strong handle outlived its value (was it copied without Clone?)")
	}
	rule, problem := diagnose(strong, weak, s)
	Fail(op, rule, problem)
}

// RefuseWeak panics with the reason a Weak may not use this header. The
// header calls it only once WeakUsable has returned false.
func RefuseWeak(op Op, strong, weak int, s State) {
	if s == Freed {
		Fail(op, I5, "use after free")
	}
	rule, problem := diagnose(strong, weak, s)
	Fail(op, rule, problem)
}

// Overflow panics because an increment of the named count ("strong" or
// "weak") would pass MaxCount (I1).
func Overflow(op Op, count string) {
	Fail(op, I1, count+" count overflow")
}

// diagnose names the first rule an inconsistent header breaks.
func diagnose(strong, weak int, s State) (ID, string) {
	counts := fmt.Sprintf("strong=%d weak=%d state=%s", strong, weak, s)
	switch {
	case strong < 0 || weak < 0:
		return I1, "count underflow: " + counts
	case s == Alive && strong == 0, s != Alive && strong > 0:
		return I2, "value liveness does not match the strong count: " + counts
	case s == Alive && weak == 0:
		return I4, "implicit weak missing while strong > 0: " + counts
	case s == Freed:
		return I5, "freed while counts remain: " + counts
	case weak == 0:
		return I3, "allocation live with no owner left: " + counts
	}
	return I1, "invalid header state: " + counts
}
