package rc_test

import (
	"fmt"

	"github.com/rcbook/rcbook/rc"
)

// track is a list node whose destructor hands its successor to the drop in
// progress (it makes *track an rc.QueueDropper). After queueing, it looks
// at the successor through a Weak: the handle is gone, but the allocation
// still counts it until the queue gets there.
type track struct {
	name string
	next rc.Rc[track] // empty at the end of the list
	peek rc.Weak[track]
}

func (t *track) DropInto(q *rc.DropQueue) {
	fmt.Println("drop", t.name)
	defer t.peek.Drop()
	if t.next.IsEmpty() {
		return
	}
	t.next.DropInto(q)
	fmt.Printf("  queued the next node: handle empty %v, its strong count %d\n", t.next.IsEmpty(), t.peek.StrongCount())
}

// A destructor that queues its successor instead of dropping it returns
// first; the outermost Drop then drops the queued nodes one after another,
// in the order a nested drop would have, on a stack as deep as one
// destructor.
func ExampleQueueDropper() {
	base := rc.LiveAllocations()
	c := rc.New(track{name: "c"})
	b := rc.New(track{name: "b", peek: rc.Downgrade(&c), next: c.Move()})
	a := rc.New(track{name: "a", peek: rc.Downgrade(&b), next: b.Move()})
	fmt.Println("allocations live:", rc.LiveAllocations()-base)
	a.Drop()
	fmt.Println("allocations live:", rc.LiveAllocations()-base)
	// Output:
	// allocations live: 3
	// drop a
	//   queued the next node: handle empty true, its strong count 1
	// drop b
	//   queued the next node: handle empty true, its strong count 1
	// drop c
	// allocations live: 0
}
