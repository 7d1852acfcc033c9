package rc

import (
	"github.com/rcbook/rcbook/internal/rcbox"
	"github.com/rcbook/rcbook/invariants"
)

// Header is the bridge package weak uses to reach r's allocation, since weak
// sits above rc and cannot see its fields. It is not part of the user API:
// it demands rcbox.Bridge, which only rcbook's own packages can name, and
// panics for any other key. It returns nil if r is empty.
func (r *Rc[T]) Header(key *rcbox.Key) *rcbox.Box[T] {
	if key != rcbox.Bridge {
		panic(errBridge)
	}
	return r.box
}

// Generation returns the header generation r was made for, which package
// weak passes to the header's checks together with the header. Like Header
// it demands rcbox.Bridge.
func (r *Rc[T]) Generation(key *rcbox.Key) uint32 {
	if key != rcbox.Bridge {
		panic(errBridge)
	}
	return r.tag
}

// CheckedHeader is Header with every check of a strong-handle operation: it
// panics, naming op, if r is empty or its header refuses a strong handle.
func (r *Rc[T]) CheckedHeader(key *rcbox.Key, op invariants.Op) *rcbox.Box[T] {
	if key != rcbox.Bridge {
		panic(errBridge)
	}
	return r.header(op)
}

// FromHeader wraps b in a new strong handle of b's current generation, for
// package weak (Upgrade, NewCyclic) and package pool (New). The caller has
// already counted the handle in b's strong count. Like Header it demands
// rcbox.Bridge.
func FromHeader[T any](key *rcbox.Key, b *rcbox.Box[T]) Rc[T] {
	if key != rcbox.Bridge {
		panic(errBridge)
	}
	return own(b)
}

// errBridge is prebuilt so that the key test, which sits on weak's fast
// paths, costs a compare and no call.
var errBridge = &invariants.Error{Op: invariants.RcHeader, Detail: "the header bridge is internal to rcbook"}
