package refcount_test

import (
	"testing"

	"github.com/rcbook/rcbook/rctest"
)

// TestSharedPathIsInlined guards the cost of a shared reference taken and
// given back with nobody else around: each operation below is inlined into
// its caller, in checked builds and with -tags rcrelease, so that it costs
// what sync.RWMutex's RLock and RUnlock cost. Each sits just under Go's
// inlining budget of 80 (fast.go): a few more nodes would turn every call
// into a call. The costs this version has (Go 1.26, checked / rcrelease):
//
//	Acquire     65 / 57  acquireFast 56, its slow path a method expression
//	TryAcquire  77 / 69  tryAcquireFast 69
//	Ref.Release 70 / 68  releaseFast 67
func TestSharedPathIsInlined(t *testing.T) {
	rctest.AssertInlined(t, "./refcount/testdata/inline", []rctest.InlinedCall{
		{Line: 15, Func: "refcount.(*RefCount).Acquire"},
		{Line: 19, Func: "refcount.(*Ref).Release"},
		{Line: 20, Func: "refcount.(*RefCount).TryAcquire"},
	})
}
