//go:build solution

package observer

import (
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/weak"
)

// Observe returns a Weak to the session r owns. The Weak does not own the
// session: weak count + 1, strong count unchanged.
func Observe(r *rc.Rc[*Session]) weak.Weak[*Session] {
	return weak.Downgrade(r)
}

// Peek returns the session's user and true while the session is open, or
// "" and false once its last owner has dropped it. The counts are the same
// after Peek as before.
func Peek(w *weak.Weak[*Session]) (string, bool) {
	s, ok := w.Upgrade() // strong + 1 if the session is still open
	if !ok {
		return "", false // the last owner is gone: the session was closed
	}
	// Upgrade made a new owner. Drop it, or the session never closes:
	// strong would stay one higher than the real owners.
	defer s.Drop()
	return (*s.Get()).User, true
}
