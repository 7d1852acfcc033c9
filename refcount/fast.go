package refcount

import (
	"context"

	"github.com/rcbook/rcbook/internal/leak"
	"github.com/rcbook/rcbook/internal/trace"
)

// The fast paths of the shared reference: a Ref granted or given back when
// nothing else is going on, which is one load and one compare-and-swap on
// the state word. Each receives the operation's slow path as a parameter
// instead of calling it by name, as rc's Drop does (chapter 11): Go's
// inliner charges a call through a parameter 17 of its budget of 80, not
// 57, and once the method is inlined into the program the parameter is a
// known function, called directly and only on the slow path. So Acquire,
// TryAcquire and Release are inlined into their callers, as
// sync.RWMutex's RLock and RUnlock are.
//
// "Nothing else going on" is a plain state: no exclusive holder, nobody
// waiting, a count that can move (see exclusiveBit), and no test tracking
// leaks, since minting or burning a Token is a call (leak.Minting,
// leak.Tracked; both are false with -tags rcrelease). A compare-and-swap
// that fails because another goroutine changed the count declines too: the
// slow path retries. Nothing is counted before it is granted, so Count
// never shows a reference that does not exist.

// acquireFast is Acquire's fast path. The Ref is filled in through r and
// the slow path returns only the error: a call returning two results costs
// the inliner about 10 more than one returning a single result. Cost 70
// (62 with -tags rcrelease); Acquire 79 (71).
func acquireFast(c *RefCount, ctx context.Context, r *Ref, slow func(*RefCount, context.Context, *Ref) error) error {
	if s := c.state.Load(); s < sharedMask && !leak.Minting() && c.state.CompareAndSwap(s, s+1) {
		r.c = c
		return nil
	}
	return slow(c, ctx, r)
}

// tryAcquireFast is TryAcquire's fast path, shaped like acquireFast. Cost
// 69; TryAcquire 77.
func tryAcquireFast(c *RefCount, r *Ref, slow func(*RefCount, *Ref) bool) bool {
	if s := c.state.Load(); s < sharedMask && !leak.Minting() && c.state.CompareAndSwap(s, s+1) {
		r.c = c
		return true
	}
	return slow(c, r)
}

// releaseFast is Release's fast path: it gives back a Ref whose count is
// above 0 and whose state is plain, so that no waiter needs the reference
// handed on, and leaves r released. One unsigned compare, s-1 <
// sharedMask-1, says both that the count is at least 1 and that no flag
// is set. It loads and compares-and-swaps rather than adding -1 and
// looking afterwards, as releaseShared does: after an Add the slow path
// would need the new state, a second parameter call the budget cannot
// pay. Cost 76; Release 79.
func releaseFast(r *Ref, slow func(*Ref)) {
	if c := r.c; c != nil && !leak.Tracked(r.leak) {
		if s := c.state.Load(); s-1 < sharedMask-1 && c.state.CompareAndSwap(s, s-1) {
			*r = Ref{released: 1} // one store the inliner charges less than two
			if trace.Enabled {
				r.released = released() // where, for a second Release to name
			}
			return
		}
	}
	slow(r)
}
