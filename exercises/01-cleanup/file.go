// Package cleanup is exercise 01: a shared resource that is closed exactly
// once, when its last owner lets go.
package cleanup

// FakeFile stands in for an *os.File: it only counts how often it was
// closed.
type FakeFile struct {
	Name   string
	Closes int
}

// Close closes the file. Closing a file twice is a bug the tests look for.
func (f *FakeFile) Close() { f.Closes++ }
