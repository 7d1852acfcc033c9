package rcbox

// Key is the capability that lets package weak, which sits above package rc,
// reach an Rc's header. Go has no "friend" packages; instead rc exposes a
// Header method that requires Bridge. Bridge lives in this internal package,
// so only rcbook's own packages can name it, and rc compares the pointer
// itself, so a *Key conjured elsewhere (new(K) through type inference, say)
// does not pass.
type Key struct{ _ byte } // not zero-sized: distinct allocations get distinct addresses

// Bridge is the one valid Key.
var Bridge = &Key{}
