package arc

import (
	"reflect"

	"github.com/rcbook/rcbook/internal/rawtable"
	"github.com/rcbook/rcbook/invariants"
)

// The raw API, as in package rc (rc/raw.go): a Token carries strong units
// through C, where cgo's pointer rules allow no Go pointer to stay. Here C
// may hand a token back on any thread, so the table's lock orders every
// change of a token's units with its change of the strong count: a unit is
// counted in strong before it enters the token and leaves the token before
// it leaves strong. While a token carries a unit, strong is therefore ≥ 1,
// and IncrementStrongCount can never revive a dropped value (I7), however
// the goroutines interleave.

// Token is an opaque integer that carries one or more strong units of one
// arc allocation, for code that cannot hold an Arc: C above all. It is
// never 0, never reused, and may be passed to C and back as a uintptr_t,
// and used from any goroutine or C thread. See rc.Token for the protocol;
// every function taking a Token refuses a bad or used-up one, in every
// build, with an *invariants.Error (I1 for a used-up token), and a refused
// call changes no count.
type Token uintptr

// raws is package arc's token table. Its tokens are even, rc's odd.
var raws = rawtable.New("arc", 0)

// IntoRaw consumes a and returns a token carrying its strong unit. The
// counts do not change. IntoRaw of another handle to the same allocation
// returns the same token, with one more unit. It panics if a is empty.
func (a *Arc[T]) IntoRaw() Token {
	b := a.header(invariants.ArcIntoRaw)
	raws.Lock()
	tok := raws.Put(b, reflect.TypeFor[T]())
	raws.Unlock()
	a.box, a.spent = nil, invariants.Raw
	return Token(tok)
}

// FromRaw takes one unit out of tok and returns it as a strong handle. The
// counts do not change. T must be the value type of the Arc that made the
// token.
func FromRaw[T any](tok Token) Arc[T] {
	var b *box[T]
	withToken(invariants.ArcFromRaw, tok, func(found *box[T]) {
		raws.Take(uintptr(tok))
		b = found
	})
	return own(b)
}

// IncrementStrongCount adds one strong unit to the allocation and to tok:
// strong + 1, one atomic Add. It panics if the count would overflow (I1),
// with the count as it was.
func IncrementStrongCount[T any](tok Token) {
	const op = invariants.ArcIncrementStrongCount
	withToken(op, tok, func(b *box[T]) {
		// strong ≥ the token's units ≥ 1 here, so this Add cannot revive
		// a dropped value (I7).
		if n := b.strong.Add(1); n <= 1 || n > maxCount {
			b.strong.Add(-1)
			panic(refused(op, n-1, b.weak.Load(), b.loadState()))
		}
		raws.Add(uintptr(tok))
	})
}

// DecrementStrongCount takes one unit out of tok and drops it: strong − 1,
// exactly FromRaw followed by Drop. If it was the last strong unit of any
// kind, the value is dropped on this goroutine (I2, I4, I5).
func DecrementStrongCount[T any](tok Token) {
	var b *box[T]
	withToken(invariants.ArcDecrementStrongCount, tok, func(found *box[T]) {
		raws.Take(uintptr(tok)) // out of the token first, then out of strong
		b = found
	})
	// Outside the table's lock: the destructor may use tokens too.
	b.dropStrong(invariants.ArcDecrementStrongCount)
}

// withToken runs f, with the table locked, on the live allocation tok
// stands for, or panics naming op if tok is not a live token of type T.
func withToken[T any](op invariants.Op, tok Token, f func(*box[T])) {
	raws.Lock()
	defer raws.Unlock()
	found, problem, broke := raws.Find(uintptr(tok), reflect.TypeFor[T]())
	if problem != "" {
		err := &invariants.Error{Op: op, Detail: problem}
		if broke {
			err.Broke = invariants.I1 // taking a unit the token does not carry would underflow
		}
		panic(err)
	}
	b := found.(*box[T])
	b.checkStrong(op) // the token's units keep the value alive (I2)
	f(b)
}
