package rcmap

import "github.com/rcbook/rcbook/internal/leak"

// While a test tracks leaks (rctest.VerifyNoLeaks, rctest.VerifyTestMain,
// rctest.Leaks), every Handle handed out, by Acquire, Join or Clone,
// carries a leak.Token minted where it was made, and Release burns it. A
// Handle lost without Release leaves its Token unreachable, and the test's
// leak check reports the line that acquired it: the lost share is still
// counted, so its entry stays in the map and its cleanup never runs. While
// nobody tracks, minting costs a load and a compare, and the Token is nil;
// with -tags rcrelease it is empty.

// handleLeaks is how a leak report names a lost Handle.
var handleLeaks = leak.Kind{
	What: "rcmap handle", Made: "acquired",
	Lost: "was never released: a Handle was lost without Release, and its entry stays in the map",
}
