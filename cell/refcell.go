package cell

import (
	"fmt"

	"github.com/rcbook/rcbook/internal/destructor"
	"github.com/rcbook/rcbook/internal/nocopy"
	"github.com/rcbook/rcbook/invariants"
)

// RefCell holds a value and counts its borrows. The zero RefCell holds the
// zero T and is not borrowed. A RefCell must not be copied once used; put
// it where it lives (in an rc.Rc, a struct field) and borrow it through a
// pointer.
type RefCell[T any] struct {
	_ nocopy.NoCopy
	// flag is the borrow flag: 0 when nothing is borrowed, n > 0 while n
	// Refs are live, mutable (-1) while a RefMut is. A count, not a lock:
	// nothing waits, a conflicting borrow is refused (B1).
	flag  int
	value T
}

// mutable is the flag's value while a RefMut is live.
const mutable = -1

// maxShared is the most shared borrows the flag can count (B2).
const maxShared = int(^uint(0) >> 1)

// New returns a RefCell holding value, not borrowed.
func New[T any](value T) RefCell[T] { return RefCell[T]{value: value} }

// Borrow returns a shared borrow of the value: flag + 1. Any number may be
// live at once. It panics if a RefMut is live (B1), and changes nothing.
func (c *RefCell[T]) Borrow() Ref[T] {
	if c.flag == mutable {
		panic(c.conflict(invariants.CellBorrow))
	}
	c.share()
	return Ref[T]{cell: c}
}

// TryBorrow is Borrow that reports false, and returns the zero Ref, instead
// of panicking when a RefMut is live.
func (c *RefCell[T]) TryBorrow() (Ref[T], bool) {
	if c.flag == mutable {
		return Ref[T]{}, false
	}
	c.share()
	return Ref[T]{cell: c}, true
}

// share counts one more shared borrow, refusing to wrap the count (B2).
func (c *RefCell[T]) share() {
	if c.flag == maxShared {
		panic(&invariants.Error{Op: invariants.CellBorrow, Detail: "too many shared borrows", Broke: invariants.B2})
	}
	c.flag++
}

// BorrowMut returns the exclusive borrow of the value: the flag becomes
// mutable until the RefMut is released. It panics if any borrow is live
// (B1), and changes nothing.
func (c *RefCell[T]) BorrowMut() RefMut[T] {
	if c.flag != 0 {
		panic(c.conflict(invariants.CellBorrowMut))
	}
	c.flag = mutable
	return RefMut[T]{cell: c}
}

// TryBorrowMut is BorrowMut that reports false, and returns the zero
// RefMut, instead of panicking when a borrow is live.
func (c *RefCell[T]) TryBorrowMut() (RefMut[T], bool) {
	if c.flag != 0 {
		return RefMut[T]{}, false
	}
	c.flag = mutable
	return RefMut[T]{cell: c}, true
}

// Replace puts value in the cell and returns the old one, like Rust's
// RefCell::replace. It needs the exclusive borrow for the instant of the
// swap: it panics if any borrow is live (B1), and changes nothing.
func (c *RefCell[T]) Replace(value T) T {
	if c.flag != 0 {
		panic(c.conflict(invariants.CellReplace))
	}
	old := c.value
	c.value = value
	return old
}

// Borrows reports the live borrows: how many Refs, and whether a RefMut is
// live. It never panics; tools and tests use it to show the flag.
func (c *RefCell[T]) Borrows() (shared int, mutably bool) {
	if c.flag == mutable {
		return 0, true
	}
	return c.flag, false
}

// conflict is the error of a borrow refused by B1, saying which borrows
// are in the way.
func (c *RefCell[T]) conflict(op invariants.Op) *invariants.Error {
	detail := "already mutably borrowed: a RefMut is live"
	if c.flag > 0 {
		detail = fmt.Sprintf("already borrowed: %s live", plural(c.flag, "shared borrow"))
	}
	return &invariants.Error{Op: op, Detail: detail, Broke: invariants.B1}
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun + " is"
	}
	return fmt.Sprintf("%d %ss are", n, noun)
}

// Drop drops the value the cell holds, if its type has a destructor
// (rc.QueueDropper or rc.Dropper): arc calls it, and rc calls DropInto,
// when the last strong handle to the cell goes, so a RefCell inside an Rc
// drops its value as Rust's does. A borrow still live then would outlive
// the value; Drop panics citing B2.
func (c *RefCell[T]) Drop() { c.DropInto(nil) }

// DropInto is Drop inside a drop in progress, q (an *rc.DropQueue; nil for
// none): rc calls it instead of Drop, so that a value whose destructor
// queues its handles (rc.QueueDropper) can do so through the cell, and a
// tree of cells drops in a loop. A value with only a Drop method has it
// called, as by Drop.
func (c *RefCell[T]) DropInto(q *destructor.Queue) {
	if c.flag != 0 {
		panic(&invariants.Error{Op: invariants.CellDrop, Detail: "dropped while borrowed: a guard outlived the value", Broke: invariants.B2})
	}
	destructor.RunIn(&c.value, nil, destructor.Unknown, q)
}
