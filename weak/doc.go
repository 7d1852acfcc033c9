// Package weak is the card's folder for Rust's std::rc::Weak: the Weak
// handle, Downgrade and NewCyclic, under the names this package has always
// had. The code lives in package rc, beside Rc, as Rust keeps Rc and Weak in
// one module (std::rc): read rc/weak.go and rc/cyclic.go. Everything here
// forwards to it and holds no logic of its own.
//
// A Weak points at an rc allocation without owning its value. It keeps the
// allocation (the header) alive but not the value: once the last rc.Rc is
// dropped the value is dropped too, and Upgrade reports false. The zero Weak
// is dangling, like New(). Like rc.Rc, a Weak must not be copied (go vet
// reports it). Misuse panics with an *invariants.Error that names the
// operation as package rc spells it: "rc: Weak.Drop: handle already
// dropped", "rc: Weak.Upgrade: use after free (I5)".
//
// Weak is not safe for concurrent use.
package weak

import "github.com/rcbook/rcbook/rc"

// Weak is rc.Weak: a non-owning handle to an rc allocation. The zero Weak is
// dangling.
type Weak[T any] = rc.Weak[T]

// New returns a dangling Weak; it is rc.NewWeak.
func New[T any]() Weak[T] { return rc.NewWeak[T]() }

// Downgrade returns a new Weak to r's allocation, weak + 1; it is
// rc.Downgrade.
func Downgrade[T any](r *rc.Rc[T]) Weak[T] { return rc.Downgrade(r) }

// NewCyclic allocates a value that holds a Weak to itself; it is
// rc.NewCyclic.
func NewCyclic[T any](build func(self *Weak[T]) T) rc.Rc[T] { return rc.NewCyclic(build) }

// PtrEq reports whether a and b point to the same allocation; it is
// rc.WeakPtrEq.
func PtrEq[T any](a, b *Weak[T]) bool { return rc.WeakPtrEq(a, b) }
