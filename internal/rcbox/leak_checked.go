//go:build !rcrelease

package rcbox

import "runtime"

// leakHandle is the header's armed cleanup, if any.
type leakHandle = runtime.Cleanup

func arm[T any](h *leakHandle, b *Box[T], pcs site) {
	*h = runtime.AddCleanup(b, reportLeak, pcs)
}

// stop disarms the cleanup of a header that was freed properly. Stopping a
// cleanup that was never armed does nothing.
func stop(h *leakHandle) { h.Stop() }
