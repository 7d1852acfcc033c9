//go:build solution

package cleanup

import "github.com/rcbook/rcbook/rc"

// Open opens the named file and returns the first owner of it. The file
// must be closed exactly once, when the last owner releases it.
func Open(name string) rc.Rc[*FakeFile] {
	return rc.NewCloser(&FakeFile{Name: name})
}

// Share returns another owner of the same file.
func Share(r *rc.Rc[*FakeFile]) rc.Rc[*FakeFile] {
	return r.Clone()
}

// Release gives up one owner's share of the file.
func Release(r *rc.Rc[*FakeFile]) {
	r.Drop()
}
