package rc_test

import (
	"testing"

	"github.com/rcbook/rcbook/rctest"
)

// TestFastPathsAreInlined guards the cost of the handles' common cases.
// Each operation below is inlined into its caller, in checked builds and
// with -tags rcrelease, and several sit just under Go's inlining budget of
// 80 (chapter 11): a few more nodes in one, in its test or in the error it
// builds, would turn every call of it into a call without failing any
// other test. The compiler reports its decisions at the call site with
// -gcflags=-m, and the cost of each function with -m=2. The costs this
// version has (Go 1.26, both builds):
//
//	Clone      79  one test, an increment, a panic in place
//	Drop       78  dropFast, 55, plus the slow path passed as a literal
//	Downgrade  66  like Clone
//	Upgrade    79  two tests, a panic in place, one bare return for "no"
//	Weak.Clone 73  like Clone, and a dangling Weak clones to a dangling one
//	Weak.Drop  78  weakDropFast, 55, plus its slow path passed as a literal
func TestFastPathsAreInlined(t *testing.T) {
	rctest.AssertInlined(t, "./rc/testdata/inline", []rctest.InlinedCall{
		{Line: 11, Func: "rc.(*Rc[go.shape.int]).Clone"},
		{Line: 12, Func: "rc.(*Rc[go.shape.int]).Drop"},
		{Line: 13, Func: "rc.Downgrade[go.shape.int]"},
		{Line: 14, Func: "rc.(*Weak[go.shape.int]).Upgrade"},
		{Line: 16, Func: "rc.(*Weak[go.shape.int]).Clone"},
		{Line: 17, Func: "rc.(*Weak[go.shape.int]).Drop"},
	})
}
