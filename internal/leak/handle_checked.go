//go:build !rcrelease

package leak

import "runtime"

// Handle is an allocation's armed cleanup, if any. The zero Handle is
// unarmed.
type Handle = runtime.Cleanup

func arm[T any](h *Handle, obj *T, pcs site) {
	*h = runtime.AddCleanup(obj, report, pcs)
}

// Stop disarms h, for an allocation that was freed properly, and forgets
// it, so that a pooled header's next life starts unarmed. An unarmed Handle
// costs one compare, not a call.
func Stop(h *Handle) {
	if *h != (Handle{}) {
		h.Stop()
		*h = Handle{}
	}
}
