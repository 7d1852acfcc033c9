package pkg

// Box holds a count.
type Box[T any] struct{ n int }

// Inc adds one.
func (b *Box[T]) Inc() { b.n++ }

// Answer is what it is.
const Answer = 42
