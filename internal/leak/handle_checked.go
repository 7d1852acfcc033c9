//go:build !rcrelease

package leak

import (
	"fmt"
	"weak"
)

// Handle is an allocation's registration while it is tracked, nil
// otherwise. The zero Handle is not tracked.
type Handle = *entry

func arm[T any](h *Handle, e *entry, obj *T) {
	wp := weak.Make(obj)
	e.alive = func() bool { return wp.Value() != nil }
	e.scope.add(e)
	*h = e
}

// Stop forgets a tracked allocation that was freed properly, so that a
// pooled header's next life starts untracked. An untracked Handle costs one
// compare, not a call.
func Stop(h *Handle) {
	if e := *h; e != nil {
		e.scope.remove(e)
		*h = nil
	}
}

// Note attaches the tracked allocation's recent history to its leak
// report: if the allocation leaks, the report ends with events.String().
// It does nothing for an untracked Handle.
func Note(h *Handle, events fmt.Stringer) {
	if e := *h; e != nil {
		e.events = events
	}
}

// Token stands for a handle that is not an allocation of its own, such as
// a refcount.Ref: the handle holds the Token, and the collector watches the
// Token, so a handle lost without being released leaves its Token
// unreachable and is reported like a lost allocation. A nil Token is not
// tracked; with -tags rcrelease a Token is empty.
type Token = *token

// token is the heap object a Token points to. Only the handle (and its
// copies) may point to it.
type token struct{ h Handle }

// Minting reports whether Mint would register a Token now: tracking is on.
// A fast path that cannot afford Mint's call leaves the handle to its slow
// path while it reports true. It is the constant false with -tags
// rcrelease.
func Minting() bool { return On() }

// Tracked reports whether t stands for a handle, so that Burn has work to
// do. It is the constant false with -tags rcrelease.
func Tracked(t Token) bool { return t != nil }

// Mint returns a Token registered in the calling goroutine's scope with
// the site that called into the handle package, if tracking is on, and
// nil otherwise. It is small enough to be inlined: while tracking is off
// it costs a load and a compare.
func Mint(k *Kind) Token {
	if On() {
		return mint(k)
	}
	return nil
}

// mint is Mint's slow half, kept out of line so that Mint stays cheap
// enough to inline into the handles' acquire paths.
//
//go:noinline
func mint(k *Kind) Token {
	t := new(token)
	Arm(&t.h, t, k)
	return t
}

// Burn forgets the Token of a handle that was released properly, and
// leaves *t nil. An untracked Token costs one compare, not a call.
func Burn(t *Token) {
	if x := *t; x != nil {
		burn(x)
		*t = nil
	}
}

// burn is Burn's slow half, kept out of line like mint.
//
//go:noinline
func burn(x *token) { Stop(&x.h) }
