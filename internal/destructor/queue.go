package destructor

import "slices"

// Queue is a drop in progress: the handles that destructors gave up with
// rc's DropInto, waiting for their turn. Package rc calls it DropQueue and
// documents it for users; this is the mechanism.
//
// A destructor that drops its children itself nests a few Go calls per
// level: dropping a list of a million nodes grows the stack to 512 MiB. A
// QueueDropper's destructor only queues its children and returns; the
// outermost drop then takes them one at a time, so the stack stays as deep
// as a single destructor, however long the chain.
//
// The order is Rust's, where a value's fields are dropped after its Drop
// body, in declaration order, each completely before the next: depth-first.
// To get it from one stack, the handles a destructor queued are reversed
// when it returns, so that the first queued is taken first, and everything
// its own destructor queues is taken before the second.
//
// A Queue belongs to the one drop that made it and is passed explicitly to
// every destructor it runs; there is no global queue, so two goroutines
// dropping their own graphs never see each other's pending handles.
type Queue struct {
	pending []pending // a stack: the last element is taken next
	ended   bool      // the drop that made the queue has returned
}

// pending is one queued strong handle: its allocation and the generation
// the handle was made for, which the owner needs to check it.
type pending struct {
	owner Owner
	gen   uint32
}

// Owner is an allocation a queued handle shares: DropQueued gives up that
// handle's share, and runs the value's destructor with q if it was the last.
type Owner interface {
	DropQueued(gen uint32, q *Queue)
}

// QueueDropper is rc.QueueDropper's method set, spelled out because this
// package sits below rc.
type QueueDropper interface {
	DropInto(q *Queue)
}

// Ended reports whether the drop that made q has returned: a destructor
// kept q and used it later, which rc refuses.
func Ended(q *Queue) bool { return q.ended }

// Push queues one share of owner, held by a handle of generation gen. The
// caller has checked that q has not ended, and has emptied the handle.
func Push(q *Queue, owner Owner, gen uint32) {
	q.pending = append(q.pending, pending{owner, gen})
}

// run drops d, a value whose destructor queues what it owns. Inside a drop
// in progress (q not nil) it only lets d queue into q: the loop in drain,
// further up this goroutine's stack, takes the handles in turn. Otherwise
// d's drop is the outermost one: run makes a queue, and drains it before
// returning, also when a destructor panics.
func (q *Queue) run(d QueueDropper) {
	if q != nil {
		d.DropInto(q)
		return
	}
	q = new(Queue) // one per outermost drop, never reused: a kept q stays ended
	defer q.finish()
	defer q.reverseFrom(0) // first queued on top; also if d panics, for drain
	d.DropInto(q)
}

// reverseFrom puts the handles queued since mark, by one destructor, in
// the order they are to be taken: the first queued on top.
func (q *Queue) reverseFrom(mark int) { slices.Reverse(q.pending[mark:]) }

// finish drains q and ends it.
func (q *Queue) finish() {
	defer func() { q.ended = true }()
	q.drain()
}

// drain takes the queued handles one at a time, depth-first. If a
// destructor panics, the deferred call drops everything still queued
// before the panic goes on, as Rust goes on dropping a value's other
// fields; the allocation whose destructor panicked has completed its own
// drop already (rc's dropSlow).
func (q *Queue) drain() {
	defer func() {
		if len(q.pending) > 0 {
			q.drain()
		}
	}()
	for len(q.pending) > 0 {
		q.dropNext()
	}
}

// dropNext takes the handle on top and gives up its share; if that runs a
// destructor, what it queues goes on top, first queued first.
func (q *Queue) dropNext() {
	last := len(q.pending) - 1
	p := q.pending[last]
	q.pending[last] = pending{} // the queue no longer holds the allocation
	q.pending = q.pending[:last]
	defer q.reverseFrom(last)
	p.owner.DropQueued(p.gen, q)
}
