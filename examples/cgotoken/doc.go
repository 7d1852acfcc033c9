// Package cgotoken shows a strong count crossing into C and back with
// rc's raw API. A small C library, an event loop, keeps its subscribers as
// integers (the "user data" C libraries keep for a callback) and calls
// back into Go with them: each one is an rc.Token carrying one strong unit
// of a Listener, so the Listener lives exactly as long as C may still call
// it, and its cleanup runs when the last Go owner and C have both let go.
//
// The token is an integer, not a Go pointer, so C may keep it after the
// call that gave it (cgo's pointer rules forbid that for a pointer), and
// the counts stay in Go: C only stores, passes back and forgets.
//
//   - Subscribe clones the Go handle and turns the clone into a token
//     (IntoRaw): C now owns one strong unit.
//   - When C calls back (goDeliver), Go borrows the Listener for the call:
//     IncrementStrongCount and FromRaw make a handle of its own, which it
//     drops when the call returns; C's unit stays with C.
//   - When C forgets a subscriber (goRelease), DecrementStrongCount gives
//     C's unit back; if it was the last, the Listener's cleanup runs there.
//
// The C code sits in the cgo preamble of loop.go, so the package exists
// only when cgo is enabled (CGO_ENABLED=1 and a C compiler); without cgo
// it holds this documentation alone, and its tests do not build.
package cgotoken
