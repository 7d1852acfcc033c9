package refcount

import "github.com/rcbook/rcbook/internal/leak"

// While a test tracks leaks (rctest.VerifyNoLeaks, rctest.VerifyTestMain,
// rctest.Leaks), every Ref and ExclusiveRef handed out carries a
// leak.Token minted where it was acquired, and Release burns it. A handle
// lost without Release leaves its Token unreachable, and the test's leak
// check reports the line that acquired it. While nobody tracks, minting
// costs a load and a compare, and the Token is nil; with -tags rcrelease it
// is empty.

// refLeaks and exclusiveLeaks are how a leak report names a lost handle.
var (
	refLeaks = leak.Kind{
		What: "refcount reference", Made: "acquired",
		Lost: "was never released: a Ref was lost without Release, and its RefCount stays held",
	}
	exclusiveLeaks = leak.Kind{
		What: "refcount exclusive reference", Made: "acquired",
		Lost: "was never released: an ExclusiveRef was lost without Release, and its RefCount stays held",
	}
)
