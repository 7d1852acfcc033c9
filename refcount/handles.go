package refcount

import (
	"github.com/rcbook/rcbook/internal/leak"
	"github.com/rcbook/rcbook/internal/nocopy"
	"github.com/rcbook/rcbook/internal/trace"
)

// Ref is a shared reference, counted in its RefCount until Release. The zero
// Ref holds nothing (a failed TryAcquire returns it); releasing it panics.
//
// A Ref must not be copied: a copy would be a second handle to one counted
// reference, and releasing both would take away someone else's. Keep it in
// one variable or field, or pass a *Ref.
type Ref struct {
	_        nocopy.NoCopy
	c        *RefCount  // nil once released, and in the zero Ref
	leak     leak.Token // stands for the Ref while a test tracks leaks (checked builds only)
	released uint32     // nonzero once Release was called, which says why c is nil (see released)
}

// Release gives the shared reference back: the count drops by one and, if
// it was the last one and an exclusive acquirer is waiting, the reference is
// handed to it. The Ref holds nothing afterwards. Release panics with an
// *Error if the Ref was already released or is the zero Ref, and then
// changes nothing.
//
// The common case is releaseFast (fast.go), which receives the rest as a
// parameter so that Release is inlined.
func (r *Ref) Release() {
	releaseFast(r, (*Ref).releaseSlow)
}

// releaseSlow is Release when its fast path declined. With s == 0 nothing
// is done yet: r holds nothing, or its Token must be burnt. Otherwise the
// fast path has already subtracted r's reference, and s is the state that
// left behind, which needs attention (see releaseShared).
func (r *Ref) releaseSlow(s uint64) {
	c := r.c
	if s != 0 {
		r.c, r.released = nil, released()
		c.releaseSharedSlow(s)
		return
	}
	if c == nil {
		panic(refuseRelease(r.released))
	}
	r.c, r.released = nil, released()
	leak.Burn(&r.leak)
	c.releaseShared()
}

// ExclusiveRef is an exclusive reference, held by no one else until Release.
// The zero ExclusiveRef holds nothing (a failed TryAcquireExclusive returns
// it); releasing it panics. Like Ref, it must not be copied.
type ExclusiveRef struct {
	_        nocopy.NoCopy
	c        *RefCount  // nil once released, and in the zero ExclusiveRef
	leak     leak.Token // stands for the ExclusiveRef while a test tracks leaks (checked builds only)
	released uint32     // nonzero once Release was called, which says why c is nil (see released)
}

// Release gives the exclusive reference back. If anyone is waiting, the
// reference is handed on at once: to the shared waiters at the head of the
// queue as one batch, or to the exclusive waiter at its head. The
// ExclusiveRef holds nothing afterwards. Release panics with an *Error if it
// was already released or is the zero ExclusiveRef, and then changes nothing.
func (e *ExclusiveRef) Release() {
	c := e.c
	if c == nil {
		panic(refuseRelease(e.released))
	}
	e.c, e.released = nil, released()
	leak.Burn(&e.leak)
	c.releaseExclusive()
}

// Error is the panic value of every misuse of a RefCount or its handles.
// Its message names the package, the operation and the problem:
//
//	refcount: Release: reference already released
//
// Recover it with errors.As.
type Error struct {
	Op      string // the operation that was refused, e.g. "Release"
	Problem string // what was wrong, e.g. "reference already released"
}

// Error returns "refcount: Op: Problem".
func (e *Error) Error() string { return "refcount: " + e.Op + ": " + e.Problem }

func refuse(op, problem string) *Error { return &Error{Op: op, Problem: problem} }

// refuseRelease is the error of releasing a handle that holds nothing;
// released is the handle's field of that name.
func refuseRelease(released uint32) *Error {
	if released != 0 {
		err := refuse("Release", "reference already released")
		if trace.Enabled {
			err.Problem += "\n" + trace.Trail(released)
		}
		return err
	}
	return refuse("Release", "empty reference: the zero value holds nothing (did a Try fail?)")
}
