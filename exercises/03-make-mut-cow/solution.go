//go:build solution

package cow

import (
	"slices"

	"github.com/rcbook/rcbook/rc"
)

// CloneDocument returns a deep copy of d: the copy shares no memory with d,
// so writing to either one never changes the other.
func CloneDocument(d Document) Document {
	d.Lines = slices.Clone(d.Lines) // d is already a copy; only the backing array is still shared
	return d
}

// Edit applies f to the document r points at, copying the document first
// only if another owner could still see the change (clone on write). After
// Edit, r alone owns the document that f changed.
func Edit(r *rc.Rc[Document], f func(*Document)) {
	f(r.MakeMut(CloneDocument))
}
