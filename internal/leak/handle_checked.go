//go:build !rcrelease

package leak

import "weak"

// Handle is an allocation's registration while it is tracked, nil
// otherwise. The zero Handle is not tracked.
type Handle = *entry

func arm[T any](h *Handle, e *entry, obj *T) {
	wp := weak.Make(obj)
	e.alive = func() bool { return wp.Value() != nil }
	e.scope.add(e)
	*h = e
}

// Stop forgets a tracked allocation that was freed properly, so that a
// pooled header's next life starts untracked. An untracked Handle costs one
// compare, not a call.
func Stop(h *Handle) {
	if e := *h; e != nil {
		e.scope.remove(e)
		*h = nil
	}
}
