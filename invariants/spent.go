package invariants

// Spent records why a handle holds no allocation, so that using it anyway
// can be refused with a message that says what happened. It is as wide as
// the generation it sits beside in every handle: with a one-byte Spent,
// emptying a handle stored one byte next to the four-byte generation, and
// Clone+Drop measured up to a third slower in the benchmarks for it
// (docs/benchmarks.md), though the instructions were the same in number.
type Spent uint32

// Why a handle is empty.
const (
	Never     Spent = iota // the zero handle: it never held anything
	Dropped                // Drop was called on it
	Moved                  // Move transferred its ownership to another handle
	Unwrapped              // TryUnwrap, IntoInner or UnwrapOrClone took the value out through it
	Raw                    // IntoRaw turned it into a token
)

var spentProblems = [...]string{
	Never:     "empty handle (the zero value owns nothing)",
	Dropped:   "handle already dropped",
	Moved:     "handle was moved out (use the handle Move returned)",
	Unwrapped: "handle was consumed by TryUnwrap, IntoInner or UnwrapOrClone",
	Raw:       "handle was turned into a token by IntoRaw (FromRaw gives one back)",
}

// Problem describes the misuse of a handle that is empty for this reason.
func (s Spent) Problem() string { return spentProblems[s] }
