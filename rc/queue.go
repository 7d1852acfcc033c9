package rc

import (
	"github.com/rcbook/rcbook/internal/destructor"
	"github.com/rcbook/rcbook/invariants"
)

// A destructor that drops its children with Drop nests one Go call per
// level: Drop runs the child's destructor, which drops the grandchild, and
// so on, several frames and some 400 bytes of stack per node. Dropping a
// list of a million nodes grows the goroutine's stack to 512 MiB, copying
// it at every doubling, and two million crash the program. Rust's naive list
// overflows the same way, and Rust users learn to write the loop that
// unlinks it; in rcbook a destructor hands its children to the drop in
// progress instead, and the outermost Drop takes them one at a time.

// DropQueue is a drop in progress: the strong handles that destructors gave
// up with DropInto, waiting to be dropped one after the other. rc makes one
// when a Drop reaches a QueueDropper with no drop in progress, passes it to
// every destructor it runs, and empties it before that Drop returns. It has
// no methods of its own: a destructor only passes it on, to Rc.DropInto or
// to the DropInto of a value it holds (a cell.RefCell, say).
//
// A DropQueue belongs to one outermost Drop and is reached only through the
// destructors it calls, never through a global: two goroutines dropping
// their own graphs each have their own.
type DropQueue = destructor.Queue

// QueueDropper is implemented by values whose destructor hands what it owns
// to the drop in progress instead of dropping it: DropInto is called
// exactly once, when the last strong handle goes, like Dropper's Drop (which
// it replaces; a type with both has DropInto called). It should give up
// each strong handle it owns with Rc.DropInto(q), other resources (Weaks
// too) as it would in Drop. The queued handles are dropped after DropInto
// returns, in the order it queued them, each one's own queue first:
// depth-first, as Rust drops a value's fields after its Drop body. A list
// or a tree of any depth then drops in a loop, on a stack as deep as one
// destructor.
//
// A value of type T is checked through *T, so both receivers work. Package
// arc calls only Drop.
type QueueDropper interface{ DropInto(q *DropQueue) }

// DropInto is Drop for a destructor: it checks r and leaves it empty at
// once, like Drop, but gives up r's share later, when the drop in progress
// q reaches it. Until then the allocation still counts r's share: its
// strong count is unchanged, a Weak to it still upgrades, and its value
// has not been dropped. Then it is Drop exactly: strong − 1, and if that
// was the last strong handle the value's destructor runs, with q.
//
// With a nil q there is no drop in progress, and DropInto is Drop. It
// panics if r is empty, and if q's drop has already returned (a destructor
// kept q for later); r is then unchanged. q belongs to the goroutine
// running the drop: never hand it to another.
func (r *Rc[T]) DropInto(q *DropQueue) {
	if q == nil {
		r.Drop()
		return
	}
	if destructor.Ended(q) {
		invariants.Misuse(invariants.RcDrop, "DropInto with a DropQueue whose drop has ended")
	}
	b := r.header(invariants.RcDrop) // misuse is refused here, where it happened
	destructor.Push(q, b, r.gen)
	r.empty(invariants.Dropped)
}

// DropQueued gives up the share of a handle of generation gen that
// DropInto queued, now that q has reached it: Drop's work, with q passed
// on to the value's destructor if this was the last strong handle.
// (Exported only to satisfy destructor.Owner; box is not.)
func (b *box[T]) DropQueued(gen uint32, q *DropQueue) {
	b.checkStrong(invariants.RcDrop, gen)
	if b.Strong > 1 {
		b.decStrong(invariants.RcDrop) // not the last: the value stays (I2)
		return
	}
	b.Strong--
	b.dropSlow(invariants.RcDrop, q)
}
