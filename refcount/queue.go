package refcount

import (
	"context"
	"runtime"
)

// A waiter is one blocked Acquire or AcquireExclusive, queued in arrival
// order. Its fields other than ready are guarded by the RefCount's mu.
type waiter struct {
	exclusive  bool
	prev, next *waiter
	// granted is set, with mu held, when the reference is handed to this
	// waiter and it leaves the queue. A waiter whose context is done reads
	// it to learn who won the race (see abandon).
	granted bool
	// ready receives one value when the reference is handed over. Its
	// buffer of one lets the hand-off send with mu held without waiting
	// for the waiter to wake, and without blocking if it never reads.
	ready chan struct{}
}

// wait is the slow path of both acquires: it grants the reference at once if
// the queue is empty and the reference is free, else it queues and sleeps
// until the reference is handed over or ctx is done.
func (c *RefCount) wait(ctx context.Context, exclusive bool) error {
	if !exclusive && c.spin() {
		return nil
	}
	// Look again, with mu held so that the queue cannot change: the
	// fast path may have failed only because another acquirer changed the
	// state at the same moment, or the reference may have been released
	// since (fast-path releases do not take mu). Nobody overtakes the
	// queue: with anyone queued, the caller waits too.
	c.mu.Lock()
	if c.head == nil && c.admit(exclusive, false) {
		c.mu.Unlock()
		return nil
	}
	c.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return err
	}

	// The waiter is made without mu held: a release needs mu to hand the
	// reference on, and should not wait for an allocation.
	w := &waiter{exclusive: exclusive, ready: make(chan struct{}, 1)}
	c.mu.Lock()
	if c.head == nil && c.admit(exclusive, true) {
		c.mu.Unlock()
		return nil
	}
	c.push(w)
	c.mu.Unlock()

	done := ctx.Done()
	if done == nil { // a context that can never be done: a plain receive is cheaper
		<-w.ready
		return nil
	}
	select {
	case <-w.ready:
		return nil
	case <-done:
		return c.abandon(w, ctx.Err())
	}
}

// spin tries to take a shared reference a few more times before the caller
// queues, as sync.Mutex does before it sleeps, and reports whether it did.
// A holder running on another core is usually done sooner than a sleeping
// goroutine could be woken, and queueing behind it starts a convoy: once
// anyone is queued every newcomer must queue too (nobody overtakes a
// waiter), each hand-off wakes one goroutine, and while it wakes the
// others pile up behind it. Two goroutines mixing reads and writes would
// then spend their time waking each other. So the spinner takes the
// reference only with one compare-and-swap from a state it has seen free,
// and gives up as soon as anyone is queued or the program runs on one
// core, where spinning cannot help. A spinner counts nothing it is not
// granted.
//
// Only shared acquirers spin. An exclusive acquirer that finds Refs held
// queues at once, as sync.RWMutex's Lock sleeps at once when readers are
// in: the readers' last Release hands it the reference, and the readers
// that come meanwhile see it queued and spin until it is done. A spinning
// writer instead keeps both goroutines of a read-mostly pair running on
// their own cores, and every operation then passes the state word's cache
// line between them: in the 95/5 benchmark of chapter 13, about twice as
// slow as with a writer that queues.
func (c *RefCount) spin() bool {
	if !multicore {
		return false
	}
	for range spins {
		s := c.state.Load()
		switch {
		case s&waitersBit != 0:
			return false // someone is queued: the caller queues behind them
		case s < sharedMask:
			if c.state.CompareAndSwap(s, s+1) {
				return true
			}
		}
		runtime.Gosched() // let the holder's core finish; returns at once if nobody else wants ours
	}
	return false
}

// spins bounds spin: a few hundred nanoseconds to a few microseconds,
// less than one sleep and wake-up costs.
const spins = 8

// multicore is whether spinning can help: with one processor, the holder
// cannot run while the spinner does.
var multicore = runtime.NumCPU() > 1

// admit is called with mu held and the queue empty. It grants the reference
// to the caller if it is free and reports true. Otherwise, if mark, it sets
// waitersBit, so that from then on every release takes the slow path, and
// reports false. A full shared count is refused: admit unlocks mu and
// panics.
//
// Marking must be one compare-and-swap from the very state that was seen
// busy. Load, decide "busy", then Or in the bit would lose a wake-up: the
// last Ref could be released between the two, by the fast path, which sees
// no waiter; the caller would then queue behind a free reference forever.
func (c *RefCount) admit(exclusive, mark bool) bool {
	for {
		s := c.state.Load()
		free, next := s&exclusiveBit == 0, s+1
		if exclusive {
			free, next = s == 0, exclusiveBit
		} else if free && s&sharedMask == sharedMask {
			// Refused: mu goes back first, or the refusal would leave
			// the RefCount locked and every later slow path deadlocked.
			c.mu.Unlock()
			panic(refuse("Acquire", "shared count overflow"))
		}
		switch {
		case free:
			if c.state.CompareAndSwap(s, next) {
				return true
			}
		case !mark:
			return false
		case c.state.CompareAndSwap(s, s|waitersBit):
			return false
		}
	}
}

// dispatch is called with mu held after anything that may let the head of
// the queue proceed: the last Ref released while someone waits, the
// ExclusiveRef released, a waiter leaving. It hands the reference to as many
// waiters from the head as can have it now: one exclusive waiter, or the run
// of shared waiters up to the next exclusive one. When the queue empties it
// clears waitersBit, reopening the fast paths.
func (c *RefCount) dispatch() {
	for c.head != nil && c.grantHead() {
	}
	if c.head == nil {
		c.state.And(^waitersBit)
	}
}

// grantHead hands the reference to the first waiter if it can have it now.
// With waitersBit set, only fast-path releases and acquires change the
// state concurrently, and they only move the count: a release takes a Ref
// away, an acquire adds one that it takes back (see acquireSlow).
func (c *RefCount) grantHead() bool {
	w := c.head
	s := c.state.Load()
	if w.exclusive {
		// With no Ref held, the swap fails only if an Acquire's add
		// landed since the load; that acquirer takes it back (unadd),
		// and the taking back that brings the count to 0 dispatches.
		if s&(exclusiveBit|sharedMask) != 0 || !c.state.CompareAndSwap(s, s|exclusiveBit) {
			return false
		}
	} else {
		if s&exclusiveBit != 0 {
			return false
		}
		if s&sharedMask == sharedMask {
			panic(refuse("Acquire", "shared count overflow"))
		}
		c.state.Add(1)
	}
	// The reference is counted for w before w wakes: from here it is
	// w's to release, whether or not w still wants it.
	c.remove(w)
	w.granted = true
	w.ready <- struct{}{}
	return true
}

// abandon is what a waiter does when its context is done: leave the queue,
// so that no later hand-off can reach it. It returns err.
//
// The hand-off and the cancellation can happen together: the select in wait
// may see ctx done although the reference was handed over just before (or
// both at once, and select picked ctx). granted, read with mu held, says
// which came first. If the hand-off did, the reference is counted for this
// waiter and nobody else will release it: ignoring it would hold the
// reference forever. So the waiter releases it, and reports err all the
// same, as a caller whose context is done expects.
func (c *RefCount) abandon(w *waiter, err error) error {
	c.mu.Lock()
	if w.granted {
		c.mu.Unlock()
		if w.exclusive {
			c.releaseExclusive()
		} else {
			c.releaseShared()
		}
		return err
	}
	wasHead := c.head == w
	c.remove(w)
	if wasHead || c.head == nil {
		// A cancelled exclusive waiter at the head may have been all that
		// kept the shared waiters behind it out; and an empty queue must
		// clear waitersBit.
		c.dispatch()
	}
	c.mu.Unlock()
	return err
}

// push appends w to the queue. The caller holds mu and has set waitersBit.
func (c *RefCount) push(w *waiter) {
	w.prev = c.tail
	if c.tail == nil {
		c.head = w
	} else {
		c.tail.next = w
	}
	c.tail = w
}

// remove unlinks w, which is queued, from the queue. The caller holds mu.
func (c *RefCount) remove(w *waiter) {
	if w.prev == nil {
		c.head = w.next
	} else {
		w.prev.next = w.next
	}
	if w.next == nil {
		c.tail = w.prev
	} else {
		w.next.prev = w.prev
	}
	w.prev, w.next = nil, nil
}
