//go:build !solution

package cow

import "github.com/rcbook/rcbook/rc"

// CloneDocument returns a deep copy of d: the copy shares no memory with d,
// so writing to either one never changes the other.
func CloneDocument(d Document) Document {
	panic("TODO: copy the lines into a backing array of the copy's own")
}

// Edit applies f to the document r points at, copying the document first
// only if another owner could still see the change (clone on write). After
// Edit, r alone owns the document that f changed.
func Edit(r *rc.Rc[Document], f func(*Document)) {
	panic("TODO: get a document that r alone owns with MakeMut(CloneDocument), then apply f to it")
}
