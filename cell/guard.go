package cell

import (
	"github.com/rcbook/rcbook/internal/nocopy"
	"github.com/rcbook/rcbook/invariants"
)

// Ref is a shared borrow of a RefCell's value, counted in the cell's flag
// until Release. The zero Ref holds nothing (a refused TryBorrow returns
// it). A Ref must not be copied: a copy would release the same borrow
// twice.
type Ref[T any] struct {
	_        nocopy.NoCopy
	cell     *RefCell[T] // nil once released, and in the zero Ref
	released bool        // Release was called: says why cell is nil
}

// Get returns a pointer to the value, for reading: other Refs may be
// reading it at the same time, so writing through it breaks the rule the
// cell exists to keep. The pointer is valid until Release. Get panics if r
// was released or is the zero Ref (B2).
func (r *Ref[T]) Get() *T { return &r.held(invariants.RefGet).value }

// Release ends the borrow: flag − 1. It panics if r was already released
// or is the zero Ref (B2), and then changes nothing.
func (r *Ref[T]) Release() {
	c := r.held(invariants.RefRelease)
	r.cell, r.released = nil, true
	c.flag--
}

// held returns r's cell, after checking that r holds a borrow and that
// the cell still counts it: a cell dropped while r was live (its storage
// zeroed by the drop) no longer does (B2).
func (r *Ref[T]) held(op invariants.Op) *RefCell[T] {
	if r.cell == nil {
		panic(spent(op, r.released))
	}
	if r.cell.flag <= 0 {
		panic(outlived(op))
	}
	return r.cell
}

// RefMut is the exclusive borrow of a RefCell's value: while it is live no
// other borrow of the cell is granted. The zero RefMut holds nothing (a
// refused TryBorrowMut returns it). A RefMut must not be copied.
type RefMut[T any] struct {
	_        nocopy.NoCopy
	cell     *RefCell[T] // nil once released, and in the zero RefMut
	released bool        // Release was called: says why cell is nil
}

// Get returns a pointer to the value, for reading and writing: no one else
// holds a borrow. The pointer is valid until Release. Get panics if m was
// released or is the zero RefMut (B2).
func (m *RefMut[T]) Get() *T { return &m.held(invariants.RefMutGet).value }

// Release ends the exclusive borrow: the cell is not borrowed any more. It
// panics if m was already released or is the zero RefMut (B2), and then
// changes nothing.
func (m *RefMut[T]) Release() {
	c := m.held(invariants.RefMutRelease)
	m.cell, m.released = nil, true
	c.flag = 0
}

// held returns m's cell, after checking that m holds the borrow and that
// the cell still counts it (B2), as Ref's does.
func (m *RefMut[T]) held(op invariants.Op) *RefCell[T] {
	if m.cell == nil {
		panic(spent(op, m.released))
	}
	if m.cell.flag != mutable {
		panic(outlived(op))
	}
	return m.cell
}

// outlived is the error of using a guard whose cell no longer counts it:
// the cell was dropped (and its storage cleared) while the guard was live.
func outlived(op invariants.Op) *invariants.Error {
	return &invariants.Error{Op: op, Detail: "the cell no longer counts this borrow: it was dropped while the borrow was live", Broke: invariants.B2}
}

// spent is the error of using a guard that holds no borrow (B2).
func spent(op invariants.Op, released bool) *invariants.Error {
	detail := "zero guard: it never held a borrow (a refused TryBorrow returns one)"
	if released {
		detail = "borrow already released"
	}
	return &invariants.Error{Op: op, Detail: detail, Broke: invariants.B2}
}
