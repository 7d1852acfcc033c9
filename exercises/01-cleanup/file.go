// Package cleanup is exercise 01: a shared resource that is closed exactly
// once, when its last owner lets go.
package cleanup

import "errors"

// ErrClosed is what Close returns for a file that is already closed.
var ErrClosed = errors.New("file already closed")

// FakeFile stands in for an *os.File: it counts how often it was closed,
// and its Close returns an error, as every real Close does.
type FakeFile struct {
	Name   string
	Closes int
}

// Close closes the file. Closing it again fails with ErrClosed, as an
// *os.File's Close does; closing a file twice is a bug the tests look for.
func (f *FakeFile) Close() error {
	f.Closes++
	if f.Closes > 1 {
		return ErrClosed
	}
	return nil
}
