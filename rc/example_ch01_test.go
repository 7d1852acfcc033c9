package rc_test

import (
	"fmt"

	"github.com/rcbook/rcbook/rc"
)

// showDoc borrows a handle: it reads through the pointer and leaves the
// count alone, so the caller still owns its share afterwards.
func showDoc(r *rc.Rc[string]) {
	fmt.Println("showing", *r.Get(), "- owners:", r.StrongCount())
}

// docShelf keeps documents. It owns one share of each, which it gives up
// in close.
type docShelf struct {
	docs []rc.Rc[string]
}

// keep takes over the caller's share: the handle moves onto the shelf and
// the caller's handle is empty afterwards.
func (s *docShelf) keep(r *rc.Rc[string]) {
	s.docs = append(s.docs, r.Move())
}

// close drops every share the shelf owns. It ranges by index: ranging by
// value would copy each handle, which go vet reports.
func (s *docShelf) close() {
	for i := range s.docs {
		s.docs[i].Drop()
	}
	s.docs = nil
}

// A pointer to a handle lends it; Move hands its share to a new owner
// without touching the counts; Clone makes a second owner.
func ExampleRc_Move() {
	doc := rc.New("minutes")
	showDoc(&doc) // lent: doc still owns its share

	var shelf docShelf
	copyForMe := doc.Clone() // a second owner: strong 2
	shelf.keep(&doc)         // doc's share moves onto the shelf: still strong 2
	fmt.Println("doc empty:", doc.IsEmpty(), "- owners:", copyForMe.StrongCount())

	shelf.close()
	fmt.Println("after the shelf closed - owners:", copyForMe.StrongCount())
	copyForMe.Drop()
	// Output:
	// showing minutes - owners: 1
	// doc empty: true - owners: 2
	// after the shelf closed - owners: 1
}

// An empty handle remembers why it is empty, and using it anyway is refused
// with a message that says so.
func ExampleRc_IsEmpty() {
	refusal := func(use func()) (msg string) {
		defer func() { msg = fmt.Sprint(recover()) }()
		use()
		return "not refused"
	}

	var zero rc.Rc[string]
	fmt.Println(zero.IsEmpty(), refusal(func() { zero.Get() }))

	a := rc.New("report")
	b := a.Move()
	fmt.Println(a.IsEmpty(), refusal(func() { a.Get() }))

	b.Drop()
	fmt.Println(b.IsEmpty(), refusal(func() { b.Drop() }))
	// Output:
	// true rc: Get: empty handle (the zero value owns nothing)
	// true rc: Get: handle was moved out (use the handle Move returned)
	// true rc: Drop: handle already dropped
}
