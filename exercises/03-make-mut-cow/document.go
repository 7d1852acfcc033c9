// Package cow is exercise 03: clone on write with MakeMut. Several editors
// share one document, and an editor gets a copy of its own only when it
// writes while someone else can still read.
package cow

// Document is the text the editors share. Lines is a slice, so copying a
// Document copies only the slice header: the copy and the original then
// point at the same backing array, and a write to a line through either is
// seen through both.
type Document struct {
	Title string
	Lines []string
}
