package rc

import (
	"github.com/rcbook/rcbook/internal/trace"
	"github.com/rcbook/rcbook/invariants"
)

// The checks every slow path runs before it touches the header, and the
// checked increments. A refused operation panics with *invariants.Error
// before any count changes.

// checkStrong panics unless a strong handle of generation gen may operate
// on b: the value must be alive, the header consistent (I1, I2, I4, I5) and
// still in the handle's generation (I5). With -tags rcrelease it compiles
// to nothing.
func (b *box[T]) checkStrong(op invariants.Op, gen uint32) {
	if invariants.Enabled && (!b.StrongUsable() || b.Gen != gen) {
		if trace.Enabled {
			panic(trace.Annotate(&invariants.Error{Op: op, Header: b.Header, Gen: gen}, &b.log))
		}
		invariants.RefuseHandle(op, &b.Header, gen)
	}
}

// checkWeak panics unless a Weak of generation gen may operate on b: the
// allocation must not be freed or reused since (I5) and the header must be
// consistent. With -tags rcrelease it compiles to nothing.
func (b *box[T]) checkWeak(op invariants.Op, gen uint32) {
	if invariants.Enabled && (!b.WeakUsable() || b.Gen != gen) {
		if trace.Enabled {
			panic(trace.Annotate(&invariants.Error{Op: op, Header: b.Header, Gen: gen}, &b.log))
		}
		invariants.RefuseHandle(op, &b.Header, gen)
	}
}

// incStrong adds a strong handle. The increment is checked in every build:
// a wrapped count would free a value still in use (I1). The caller has
// checked the header.
func (b *box[T]) incStrong(op invariants.Op) {
	if b.Strong == invariants.MaxCount {
		invariants.Refuse(op, &b.Header)
	}
	b.Strong++
	if trace.Enabled {
		b.note()
	}
}
