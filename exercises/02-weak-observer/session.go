// Package observer is exercise 02: a Weak that observes a session without
// keeping it open.
package observer

import "github.com/rcbook/rcbook/rc"

// Session stands for a resource that must be closed exactly once, when its
// last owner lets go: a login session, a connection, a lease.
type Session struct {
	User   string
	Closes int // how many times Close ran; anything but 0 or 1 is a bug
}

// Close closes the session.
func (s *Session) Close() { s.Closes++ }

// OpenSession opens a session for user and returns its first owner. The
// cleanup closes the session when the last strong handle is dropped.
func OpenSession(user string) rc.Rc[*Session] {
	return rc.NewWithCleanup(&Session{User: user}, (*Session).Close)
}
