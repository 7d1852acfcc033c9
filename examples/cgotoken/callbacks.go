package cgotoken

// #include <stdint.h>
import "C"

import "github.com/rcbook/rcbook/rc"

// goDeliver is C calling back with a token it keeps. Go borrows the
// Listener for the length of the call: IncrementStrongCount adds a unit
// and FromRaw turns it into a handle of Go's own, dropped on return, so the
// unit C holds is never touched and C may call again.
//
//export goDeliver
func goDeliver(token C.uintptr_t, event *C.char) {
	tok := rc.Token(token)
	rc.IncrementStrongCount[*Listener](tok)
	l := rc.FromRaw[*Listener](tok)
	defer l.Drop()
	(*l.Get()).Received = append((*l.Get()).Received, C.GoString(event))
}

// goRelease is C forgetting a token: the unit it held goes back, and if it
// was the Listener's last, the Listener's cleanup runs now.
//
//export goRelease
func goRelease(token C.uintptr_t) {
	rc.DecrementStrongCount[*Listener](rc.Token(token))
}
