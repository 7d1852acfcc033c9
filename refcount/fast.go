package refcount

import (
	"context"

	"github.com/rcbook/rcbook/internal/leak"
	"github.com/rcbook/rcbook/internal/trace"
)

// The fast paths of the shared reference: a Ref granted or given back when
// nothing else is going on. Acquire and Release are each one atomic add on
// the state word and one comparison of the value it returns, as
// sync.RWMutex's RLock and RUnlock are; TryAcquire is a load and a
// compare-and-swap, because it must change nothing when it fails. Each
// receives the operation's slow path as a parameter instead of calling it
// by name, as rc's Drop does (chapter 11): Go's inliner charges a call
// through a parameter 17 of its budget of 80, not 57, and once the method
// is inlined into the program the parameter is a known function, called
// directly and only on the slow path. So Acquire, TryAcquire and Release
// are inlined into their callers, as RLock and RUnlock are.
//
// "Nothing else going on" is a plain state: no exclusive holder, nobody
// waiting, a count that can move (see exclusiveBit), and no test tracking
// leaks, since minting or burning a Token is a call (leak.Minting,
// leak.Tracked; both are false with -tags rcrelease).
//
// An add cannot look before it changes the word, as a compare-and-swap
// does: Acquire counts its Ref first and learns from the old value whether
// it was allowed to. A load and a compare-and-swap take longer than one
// add even on one goroutine, and under contention the swap can fail and
// must be retried, where an add always lands. If a
// flag was set, the Ref is counted but not granted, and acquireSlow sorts
// it out at once: it keeps the Ref if the state has become plain
// meanwhile, and otherwise takes it back (unadd) before it waits. So for
// an instant, while an ExclusiveRef is held or someone is queued, the
// count includes acquirers that are on their way to the queue; Count
// hides them while an ExclusiveRef is held, and the package documentation
// says what else may see them.

// acquireFast is Acquire's fast path. The Ref is filled in through r and
// the slow path returns only the error: a call returning two results costs
// the inliner about 10 more than one returning a single result. r.c is set
// before the add, and tells the slow path that the add was made; with a
// test tracking leaks no add is made, and r.c stays nil. Cost 56 (48 with
// -tags rcrelease); Acquire 65 (57).
func acquireFast(c *RefCount, ctx context.Context, r *Ref, slow func(*RefCount, context.Context, *Ref) error) error {
	if !leak.Minting() {
		r.c = c
		if c.state.Add(1)-1 < sharedMask { // the old state was plain
			return nil
		}
	}
	return slow(c, ctx, r)
}

// tryAcquireFast is TryAcquire's fast path: a load and a compare-and-swap,
// which change nothing when the state says no. Cost 69 (61); TryAcquire
// 77 (69).
func tryAcquireFast(c *RefCount, r *Ref, slow func(*RefCount, *Ref) bool) bool {
	if s := c.state.Load(); s < sharedMask && !leak.Minting() && c.state.CompareAndSwap(s, s+1) {
		r.c = c
		return true
	}
	return slow(c, r)
}

// releaseFast is Release's fast path: it gives back a Ref and leaves r
// released, with one atomic add. Every state the add may leave behind that
// needs attention (someone queued, a borrow from the flags, see
// releaseShared) is at least sharedMask. Then the slow path receives that
// state, s; s is 0 when nothing was subtracted (r holds nothing, or its
// Token must be burnt), which no subtraction that needs the slow path
// leaves. One call site for both keeps the cost at 67 (65); Release 70
// (68).
func releaseFast(r *Ref, slow func(*Ref, uint64)) {
	s := uint64(0)
	if c := r.c; c != nil && !leak.Tracked(r.leak) {
		if s = c.state.Add(^uint64(0)); s < sharedMask {
			*r = Ref{released: 1} // one store the inliner charges less than two
			if trace.Enabled {
				r.released = released() // where, for a second Release to name
			}
			return
		}
	}
	slow(r, s)
}
