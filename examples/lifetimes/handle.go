package lifetimes

/*
#include <stdint.h>

// The C side: a library that keeps one context value, as C libraries keep a
// callback's "user data", and passes it back whenever it calls back.
static uintptr_t lib_ctx;
static void lib_set_context(uintptr_t h) { lib_ctx = h; }
static uintptr_t lib_context(void) { return lib_ctx; }
*/
import "C"

import (
	"runtime/cgo"

	"github.com/rcbook/rcbook/rc"
)

// Attach hands v to the C library as a cgo.Handle and returns the handle's
// first Go owner; Clone it for every other Go owner. The last Drop takes
// the handle back from C and deletes it. So the handle lives exactly as
// long as some Go owner needs C to reach v: not longer, which would leak
// an entry of the runtime's handle table, and not shorter, which would
// make the next callback's Value panic.
func Attach(v any) rc.Rc[cgo.Handle] {
	h := cgo.NewHandle(v)
	C.lib_set_context(C.uintptr_t(h))
	return rc.NewWithCleanup(h, detach)
}

// detach is the last owner's cleanup. C forgets the handle first, so that
// it can no longer pass it back; then the handle is deleted.
func detach(h cgo.Handle) {
	C.lib_set_context(0)
	h.Delete()
}

// Fire is the C library calling back: it passes back the handle it keeps,
// and Go finds the value through it. It reports false if C holds none.
func Fire() (any, bool) {
	h := cgo.Handle(C.lib_context())
	if h == 0 {
		return nil, false // the zero Handle is never valid, so C uses it for "none"
	}
	return h.Value(), true
}
