package rc

import (
	"github.com/rcbook/rcbook/internal/rcbox"
	"github.com/rcbook/rcbook/invariants"
)

// Header is the bridge package weak uses to reach r's allocation, since weak
// sits above rc and cannot see its fields. It is not part of the user API:
// it demands rcbox.Bridge, which only rcbook's own packages can name, and
// panics for any other key. It panics like Get if r is empty or unusable.
func (r *Rc[T]) Header(key *rcbox.Key, op invariants.Op) *rcbox.Box[T] {
	if key != rcbox.Bridge {
		refuseKey(op)
	}
	return r.header(op)
}

// FromHeader wraps b in a new strong handle, for package weak (Upgrade,
// NewCyclic). The caller has already counted the handle in b's strong count.
// Like Header it demands rcbox.Bridge.
func FromHeader[T any](key *rcbox.Key, op invariants.Op, b *rcbox.Box[T]) Rc[T] {
	if key != rcbox.Bridge {
		refuseKey(op)
	}
	return Rc[T]{box: b}
}

func refuseKey(op invariants.Op) {
	invariants.Fail(op, "", "the header bridge is internal to rcbook")
}
