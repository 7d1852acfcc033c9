// Package refcount counts shared and exclusive references to one resource,
// the building block of a readers–writer lock (package rwlock is one, in a
// few dozen lines).
//
// A [RefCount] hands out two kinds of handle:
//
//   - a [Ref], a shared reference: any number may be held at once, as long as
//     no exclusive reference is held;
//   - an [ExclusiveRef]: at most one is held at a time, and never while any
//     Ref is held.
//
// Each kind can be taken without waiting (TryAcquire, TryAcquireExclusive:
// they fail instead), or by waiting for it (Acquire, AcquireExclusive: they
// block until the reference is handed over or the context is done). Every
// handle is given back exactly once with Release.
//
// # Fairness
//
// Waiters form one first-in, first-out queue, and a newcomer never overtakes
// it: while anyone is queued, TryAcquire and TryAcquireExclusive fail and
// Acquire and AcquireExclusive join the back of the queue, even if the
// reference they ask for could be granted at once. So
//
//   - a stream of shared acquirers cannot starve a waiting exclusive one:
//     once it is queued, new shared acquirers queue behind it, the shared
//     references already held drain, and it is next (sync.RWMutex does the
//     same);
//   - a stream of exclusive acquirers cannot starve shared ones: when an
//     exclusive reference is released, the run of shared waiters at the
//     head of the queue is admitted as one batch, before the exclusive
//     waiter queued behind them.
//
// Shared waiters queued behind an exclusive waiter wait for it, even if
// other shared references are held meanwhile: admission is in queue order.
//
// # Waiting and cancellation
//
// A shared acquirer that finds the reference busy and nobody queued first
// spins a few times (a few microseconds at most, and not at all on one
// processor), taking the reference if it comes free, as a fast path
// would; a writer on another core is usually done sooner than a sleeper
// could be woken. Then it queues, and sleeps on a channel of its own. An
// exclusive acquirer that finds the reference busy queues at once, as
// sync.RWMutex's Lock sleeps at once while readers are in. The
// reference is handed over by whoever makes it available (a Release, or a
// cancellation that removes the waiter at the head), which counts it for
// the waiter before waking it. When a waiter's context is done it leaves the
// queue, and no later hand-off can reach it. If a hand-off and the
// cancellation happen together and the hand-off wins, the waiter releases the
// reference it was given and still reports the context's error, so a
// reference is never lost to a caller that has gone away.
//
// # What is not guaranteed
//
// Handles are values owned by one goroutine: two goroutines must not release
// the same Ref at once, and a handle must not be copied (each carries a
// no-copy marker, so go vet reports copies). Count is a snapshot that may be
// stale by the time it is read. The queue order is the order in which
// waiters reached the RefCount's lock, not the order in which their calls
// began.
//
// Acquire counts its Ref before it looks at the state: that is what makes
// it one atomic add, as sync.RWMutex's RLock is. If it finds an
// ExclusiveRef held or someone queued, it takes the count back before it
// waits. For that instant the count includes a Ref that is not held:
// Count may show it (never while an ExclusiveRef is held: Count is 0
// then), and a TryAcquireExclusive or
// AcquireExclusive that comes in that instant finds a Ref counted, and
// fails or queues (a queued one is handed the reference as soon as the
// count is taken back). TryAcquire does not count first: when it fails it
// has changed nothing.
//
// # Misuse
//
// Releasing a handle twice, or releasing the zero handle that a failed
// TryAcquire returns, panics with an [*Error]:
//
//	refcount: Release: reference already released
//
// The count itself is never disturbed by a refused operation.
package refcount
