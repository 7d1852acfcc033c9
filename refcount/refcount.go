package refcount

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/rcbook/rcbook/internal/leak"
)

// The state word packs everything the fast paths need into one atomic
// uint64, so that an uncontended Acquire or Release is a single atomic
// add (TryAcquire: a load and a compare-and-swap; see fast.go):
//
//	bit 63      exclusiveBit  an ExclusiveRef is held
//	bit 62      waitersBit    the queue is not empty
//	bits 0..61  the number of Refs held
//
// waitersBit is what makes the lock-free fast paths safe beside the queue.
// It is set and cleared only with mu held, and it is set exactly when the
// queue is non-empty. Every fast path that would grant a reference requires
// it clear, so nobody overtakes a waiter; and every release that sees it set
// takes mu and hands the reference on, so no waiter is forgotten.
//
// The count may include, besides the Refs held, acquirers whose add found
// a flag set and that have not yet taken it back (acquireSlow): at most
// one per Acquire in progress, and only for as long as it takes that
// Acquire to look at the state again. Nothing is granted because of them:
// an exclusive waiter is handed the reference only at a count of 0, and
// the acquirer whose taking back brings the count to 0 hands it on, as the
// last Release would. The count is held far below 2^62 by memory alone
// (every Ref is a variable); only a test that stores a full count reaches
// it, and then an Acquire's add carries into waitersBit for the moment
// before it is taken back.
const (
	exclusiveBit uint64 = 1 << 63
	waitersBit   uint64 = 1 << 62
	sharedMask          = waitersBit - 1
)

// RefCount counts the shared and exclusive references to one resource.
// The zero value is ready to use: no reference held, nobody waiting.
// A RefCount must not be copied after first use.
type RefCount struct {
	state atomic.Uint64 // see exclusiveBit, waitersBit, sharedMask

	// mu guards the queue, and every transition made on a waiter's behalf:
	// setting or clearing waitersBit, and handing a reference to a waiter.
	mu         sync.Mutex
	head, tail *waiter // the FIFO queue of waiters, oldest first
}

// Count returns the number of shared references (Refs) currently held: 0
// while an ExclusiveRef is held. Refs handed to waiters are counted from the
// moment they are handed over, before the waiter has woken. The count may
// also include, for an instant, an Acquire that is on its way to the
// queue: Acquire counts itself before it looks, and takes itself back when
// it sees it must wait (see the package documentation). The result is a
// snapshot: other goroutines may change the count at once.
func (c *RefCount) Count() int {
	s := c.state.Load()
	if s&exclusiveBit != 0 {
		return 0
	}
	return int(s & sharedMask)
}

// TryAcquire returns a shared reference and true if one can be granted now:
// no exclusive reference is held and nobody is waiting. Otherwise it returns
// the zero Ref and false, and changes nothing. It never blocks.
//
// The common case is tryAcquireFast (fast.go), which receives the rest as a
// parameter so that TryAcquire is inlined.
func (c *RefCount) TryAcquire() (r Ref, ok bool) {
	ok = tryAcquireFast(c, &r, (*RefCount).tryAcquireSlow)
	return
}

// tryAcquireSlow is TryAcquire when its fast path declined: the count
// changed under it, the state says no, or a test is tracking leaks and the
// Ref needs its Token. It fills in r if it grants the reference.
func (c *RefCount) tryAcquireSlow(r *Ref) bool {
	if c.tryShared("TryAcquire") {
		r.c, r.leak = c, leak.Mint(&refLeaks)
		return true
	}
	return false
}

// Acquire returns a shared reference, waiting while an exclusive reference is
// held or anyone is queued (see the package documentation for the order).
// If the reference can be granted at once, Acquire returns it without looking
// at ctx. Otherwise, if ctx is done, or becomes done before the reference is
// handed over, Acquire returns the zero Ref and ctx.Err(), and the count is
// as if it had never been called.
//
// The common case is acquireFast (fast.go), which receives the rest as a
// parameter so that Acquire is inlined.
func (c *RefCount) Acquire(ctx context.Context) (r Ref, err error) {
	err = acquireFast(c, ctx, &r, (*RefCount).acquireSlow)
	return
}

// acquireSlow is Acquire when its fast path declined: someone holds the
// exclusive reference or waits, the count is full, or a test is tracking
// leaks and the Ref needs its Token. r.c is set if the fast path's add was
// made (see acquireFast).
func (c *RefCount) acquireSlow(ctx context.Context, r *Ref) error {
	if r.c != nil {
		// acquireFast counted a Ref although the state did not allow it.
		// If the state has become plain since (the exclusive holder has
		// left, nobody is queued), that Ref is as good as one granted
		// now: it is counted, nobody can be handed the exclusive
		// reference while it is, and there is nobody to overtake.
		// Otherwise it is taken back before the caller waits.
		if c.state.Load()&(exclusiveBit|waitersBit) == 0 {
			return nil
		}
		r.c = nil
		c.unadd()
	}
	if s := c.state.Load(); s >= sharedMask || !c.state.CompareAndSwap(s, s+1) {
		if err := c.wait(ctx, false); err != nil {
			return err
		}
	}
	r.c, r.leak = c, leak.Mint(&refLeaks)
	return nil
}

// unadd takes back the Ref that acquireFast counted although a flag was
// set. If that Ref was the last one counted and someone is queued, the
// head of the queue (an exclusive waiter) may be waiting for exactly this
// subtraction, as for the last Release: so unadd hands the reference on,
// as releaseShared does. An add at the full count carries into waitersBit
// (s was sharedMask); taking it back restores the count, and needs no
// hand-off.
func (c *RefCount) unadd() {
	if c.state.Add(^uint64(0)) == waitersBit { // Add(-1)
		c.mu.Lock()
		c.dispatch()
		c.mu.Unlock()
	}
}

// tryShared adds a Ref to the count if one can be granted now. A failed
// compare-and-swap means another goroutine changed the count, so it tries
// again: that is progress, not waiting. It gives up only when the state says
// no: an exclusive holder, a waiter, or a full count (op is refused then).
func (c *RefCount) tryShared(op string) bool {
	for {
		s := c.state.Load()
		// One comparison covers the three cases, because the flags are the
		// top bits: s >= sharedMask means an exclusive holder, a waiter, or
		// a count that cannot grow.
		if s >= sharedMask {
			if s&(exclusiveBit|waitersBit) == 0 {
				panic(refuse(op, "shared count overflow"))
			}
			return false
		}
		if c.state.CompareAndSwap(s, s+1) {
			return true
		}
	}
}

// TryAcquireExclusive returns an exclusive reference and true if one can be
// granted now: no reference of either kind is held and nobody is waiting.
// Otherwise it returns the zero ExclusiveRef and false, and changes nothing:
// the shared count and every waiter are as they were. It never blocks. An
// Acquire in progress may be counted for an instant before it waits, and
// fail a TryAcquireExclusive then (see the package documentation).
func (c *RefCount) TryAcquireExclusive() (ExclusiveRef, bool) {
	// The Rust crate this package follows (ref_count 0.1.2) sets its mark
	// with a compare-and-swap that keeps the shared count, and if Refs are
	// still held it gives up by storing 0. That store writes the whole
	// word: the shared count is gone. The next try then succeeds beside the
	// Refs still out, and when they are released they decrement a count
	// that no longer includes them, and it wraps. Storing back the old word
	// instead would race with every acquire and release in between. A
	// compare-and-swap from the one state that allows it, 0, writes nothing
	// when it fails.
	if c.state.CompareAndSwap(0, exclusiveBit) {
		return ExclusiveRef{c: c, leak: leak.Mint(&exclusiveLeaks)}, true
	}
	return ExclusiveRef{}, false
}

// AcquireExclusive returns an exclusive reference, waiting while any
// reference is held or anyone is queued (see the package documentation for
// the order). While it waits, new shared acquirers queue behind it. If the
// reference can be granted at once, AcquireExclusive returns it without
// looking at ctx. Otherwise, if ctx is done, or becomes done before the
// reference is handed over, it returns the zero ExclusiveRef and ctx.Err(),
// and the count is as if it had never been called.
func (c *RefCount) AcquireExclusive(ctx context.Context) (e ExclusiveRef, err error) {
	if !c.state.CompareAndSwap(0, exclusiveBit) {
		if err = c.wait(ctx, true); err != nil {
			return
		}
	}
	e.c, e.leak = c, leak.Mint(&exclusiveLeaks)
	return
}

// releaseShared gives back one shared reference. The fast path is one
// atomic add and one comparison: every state it may leave behind that needs
// attention has a flag bit or an all-ones count, so it is at least
// sharedMask, and releaseSharedSlow sorts those out.
func (c *RefCount) releaseShared() {
	if s := c.state.Add(^uint64(0)); s >= sharedMask { // Add(-1)
		c.releaseSharedSlow(s)
	}
}

// releaseSharedSlow is given the state just after a Ref was subtracted. With
// waitersBit set and Refs still held there is nothing to do; once the last
// Ref is gone, the head of the queue (an exclusive waiter) can be served.
func (c *RefCount) releaseSharedSlow(s uint64) {
	if s&sharedMask == sharedMask {
		// The count was 0 and the subtraction borrowed from the flags: a
		// Ref was released that the count never included.
		c.state.Add(1) // put the borrow back: a refused release changes nothing
		panic(refuse("Release", "shared count underflow: a Ref was released that was never counted (was it copied?)"))
	}
	if s == waitersBit {
		c.mu.Lock()
		c.dispatch()
		c.mu.Unlock()
	}
}

// releaseExclusive gives back the exclusive reference. The fast path is a
// compare-and-swap from "held, nobody waiting" to 0; with waiters, the slow
// path hands the reference on.
func (c *RefCount) releaseExclusive() {
	if !c.state.CompareAndSwap(exclusiveBit, 0) {
		c.releaseExclusiveSlow()
	}
}

func (c *RefCount) releaseExclusiveSlow() {
	c.mu.Lock()
	if c.state.Load()&exclusiveBit == 0 {
		c.mu.Unlock()
		panic(refuse("Release", "no exclusive reference is held (was an ExclusiveRef copied?)"))
	}
	// Nobody else can change the flags now (that needs mu, or waitersBit
	// clear), and no Ref is held: the count holds at most acquirers about
	// to take their add back, and the And leaves the count alone.
	c.state.And(^exclusiveBit)
	c.dispatch()
	c.mu.Unlock()
}
