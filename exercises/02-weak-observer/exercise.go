//go:build !solution

package observer

import (
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/weak"
)

// Observe returns a Weak to the session r owns. The Weak does not own the
// session: weak count + 1, strong count unchanged.
func Observe(r *rc.Rc[*Session]) weak.Weak[*Session] {
	panic("TODO: make a Weak from the strong handle")
}

// Peek returns the session's user and true while the session is open, or
// "" and false once its last owner has dropped it. The counts are the same
// after Peek as before.
func Peek(w *weak.Weak[*Session]) (string, bool) {
	panic("TODO: upgrade the Weak, read the user, drop the upgraded handle")
}
