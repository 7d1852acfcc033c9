//go:build !rcrelease

package rcbox

import "runtime"

// leakHandle is the header's armed cleanup, if any.
type leakHandle = runtime.Cleanup

func arm[T any](h *leakHandle, b *Box[T], pcs site) {
	*h = runtime.AddCleanup(b, reportLeak, pcs)
}

// stop disarms the cleanup of a header that was freed properly, and forgets
// it, so that a pooled header's next life starts unarmed. A cleanup that was
// never armed costs one compare, not a call.
func stop(h *leakHandle) {
	if *h != (leakHandle{}) {
		h.Stop()
		*h = leakHandle{}
	}
}
