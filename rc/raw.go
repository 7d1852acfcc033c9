package rc

import (
	"reflect"

	"github.com/rcbook/rcbook/internal/rawtable"
	"github.com/rcbook/rcbook/invariants"
)

// The raw API carries strong counts where no Rc can go: through C, as
// Rust's Rc::into_raw, from_raw, increment_strong_count and
// decrement_strong_count carry them through a raw pointer.
//
// A C library that keeps a Go value for later (a callback's user data, a
// handle in a C struct) may not keep a Go pointer (cgo's pointer rules), so
// a Token is an integer: a key in a table that holds the allocation, like
// runtime/cgo.Handle, and that stands for a number of strong units. Every
// unit in a token is counted in the strong count, so the value lives while
// C holds it, and the counts stay consistent: strong is always at least
// the units of the allocation's token. A token is not a pointer, so the
// garbage collector and the race detector never see C's copies of it.

// Token is an opaque integer that carries one or more strong units of one
// allocation, for code that cannot hold an Rc: C above all. It is never 0,
// never reused, and may be passed to C and back as a uintptr_t. IntoRaw
// puts a unit in, FromRaw and DecrementStrongCount take one out,
// IncrementStrongCount adds one; the token is used up when its last unit
// is taken out. All handles to one allocation share one token while it
// carries units, as Rust's raw pointers to one Rc are equal.
//
// Every function taking a Token refuses, in every build, one that is 0,
// never issued, issued by package arc, for another value type, or used up,
// with an *invariants.Error naming the operation (and I1 for a used-up
// token: taking a unit it does not carry would underflow the counts). A
// refused call changes no count.
//
// A token whose units are never taken out keeps its allocation for good,
// as a cgo.Handle never deleted does: the table holds it, so the leak
// checker, which looks for allocations the collector found unreachable,
// does not report it, but LiveAllocations still counts it.
type Token uintptr

// raws is package rc's token table. Its tokens are odd, arc's even.
var raws = rawtable.New("rc", 1)

// IntoRaw consumes r and returns a token carrying its strong unit. The
// counts do not change: the unit that was r's is the token's now, and
// FromRaw or DecrementStrongCount must take it out again, or the value
// never drops. IntoRaw of another handle to the same allocation returns
// the same token, with one more unit. It panics if r is empty.
func (r *Rc[T]) IntoRaw() Token {
	b := r.header(invariants.RcIntoRaw)
	raws.Lock()
	tok := raws.Put(b, reflect.TypeFor[T]())
	raws.Unlock()
	r.empty(invariants.Raw)
	return Token(tok)
}

// FromRaw takes one unit out of tok and returns it as a strong handle. The
// counts do not change: the unit moves from the token to the handle. T
// must be the value type of the Rc that made the token.
func FromRaw[T any](tok Token) Rc[T] {
	var b *box[T]
	withToken(invariants.RcFromRaw, tok, func(found *box[T]) {
		raws.Take(uintptr(tok))
		b = found
	})
	return own(b)
}

// IncrementStrongCount adds one strong unit to the allocation and to tok:
// strong + 1, as if a handle were cloned and put into the token with
// IntoRaw. It panics if the count would overflow (I1).
func IncrementStrongCount[T any](tok Token) {
	withToken(invariants.RcIncrementStrongCount, tok, func(b *box[T]) {
		b.incStrong(invariants.RcIncrementStrongCount)
		raws.Add(uintptr(tok))
	})
}

// DecrementStrongCount takes one unit out of tok and drops it: strong − 1,
// exactly FromRaw followed by Drop. If it was the last strong unit, the
// value is dropped here, with everything Drop does (I2, I4, I5).
func DecrementStrongCount[T any](tok Token) {
	var b *box[T]
	withToken(invariants.RcDecrementStrongCount, tok, func(found *box[T]) {
		raws.Take(uintptr(tok))
		b = found
	})
	// Outside the table's lock: the destructor may use tokens too.
	b.decStrong(invariants.RcDecrementStrongCount)
}

// withToken runs f, with the table locked, on the live allocation tok
// stands for, or panics naming op if tok is not a live token of type T.
func withToken[T any](op invariants.Op, tok Token, f func(*box[T])) {
	raws.Lock()
	defer raws.Unlock()
	found, problem, broke := raws.Find(uintptr(tok), reflect.TypeFor[T]())
	if problem != "" {
		refuseToken(op, problem, broke)
	}
	b := found.(*box[T])
	b.checkStrong(op, b.Gen) // the token's units keep the value alive (I2)
	f(b)
}

// refuseToken panics with the *invariants.Error for a token that is not
// live; a used-up token would take a unit that is not there (I1).
func refuseToken(op invariants.Op, problem string, broke bool) {
	err := &invariants.Error{Op: op, Detail: problem}
	if broke {
		err.Broke = invariants.I1
	}
	panic(err)
}
