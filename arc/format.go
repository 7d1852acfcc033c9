package arc

import (
	"fmt"
	"io"
	"strconv"

	"github.com/rcbook/rcbook/invariants"
)

// Printing a handle, as in package rc (rc/format.go): Format never panics
// and never counts. The counts are atomic loads, one at a time, so %+v is a
// snapshot that other goroutines may change while it is taken.

// Format prints a for fmt (fmt.Formatter); pass a pointer: fmt.Println(&a).
// %v, and any verb but %T and %p, prints the value with that verb and its
// flags; %+v prints arc.Arc{strong: 2, weak: 1, state: alive, value: 42},
// where weak counts the Weak handles (not the implicit weak, I4) and reads
// "locked" while a GetMut on another handle looks. A handle with no value
// prints what it is: <arc.Arc: empty>, <arc.Arc: dropped> (or moved,
// unwrapped, into raw), and for a stale copy <arc.Arc: value dead> or
// <arc.Arc: value freed>.
//
// Printing reads the value as Get does: a shared read, safe while a is held
// and nobody writes the value.
func (a *Arc[T]) Format(f fmt.State, verb rune) {
	if a == nil {
		io.WriteString(f, "<nil>")
		return
	}
	detailed := verb == 'v' && f.Flag('+')
	b := a.box
	if b == nil {
		switch {
		case detailed && a.spent == invariants.Never:
			io.WriteString(f, "arc.Arc{empty}")
		case detailed:
			fmt.Fprintf(f, "arc.Arc{empty: %s}", a.spent)
		default:
			fmt.Fprintf(f, "<arc.Arc: %s>", a.spent)
		}
		return
	}
	state := b.loadState()
	switch {
	case detailed && state == invariants.Alive:
		fmt.Fprintf(f, "arc.Arc{%s, value: %+v}", b.counts(state), b.value)
	case detailed:
		fmt.Fprintf(f, "arc.Arc{%s}", b.counts(state))
	case state == invariants.Alive:
		fmt.Fprintf(f, fmt.FormatString(f, verb), b.value)
	default:
		fmt.Fprintf(f, "<arc.Arc: value %s>", state)
	}
}

// Format prints w for fmt (fmt.Formatter); pass a pointer. A Weak does not
// own the value and another goroutine may drop it at any moment, so it is
// not printed: %v says <arc.Weak: alive> or dead, dangling, or how w was
// used up; %+v adds the counts: arc.Weak{strong: 1, weak: 1, state:
// alive}. It never panics and changes no count.
func (w *Weak[T]) Format(f fmt.State, verb rune) {
	if w == nil {
		io.WriteString(f, "<nil>")
		return
	}
	detailed := verb == 'v' && f.Flag('+')
	b := w.box
	switch {
	case w.spent != invariants.Never && detailed:
		fmt.Fprintf(f, "arc.Weak{empty: %s}", w.spent)
	case w.spent != invariants.Never:
		fmt.Fprintf(f, "<arc.Weak: %s>", w.spent)
	case b == nil && detailed:
		io.WriteString(f, "arc.Weak{dangling}")
	case b == nil:
		io.WriteString(f, "<arc.Weak: dangling>")
	case detailed:
		fmt.Fprintf(f, "arc.Weak{%s}", b.counts(b.loadState()))
	default:
		fmt.Fprintf(f, "<arc.Weak: %s>", b.loadState())
	}
}

// counts is "strong: S, weak: W, state: X" for printing. W is the number
// of Weak handles: the raw count without the implicit weak while the
// strong handles hold it (I4), or "locked" while GetMut checks uniqueness.
func (b *box[T]) counts(state invariants.State) string {
	weak := "locked"
	if n := b.weak.Load(); n != weakLocked {
		switch state {
		case invariants.Alive, invariants.Dropping, invariants.Uninit:
			n-- // the implicit weak is not a Weak handle (I4)
		}
		weak = strconv.FormatInt(n, 10)
	}
	return fmt.Sprintf("strong: %d, weak: %s, state: %s", b.strong.Load(), weak, state)
}
