package rc

import (
	"fmt"
	"io"

	"github.com/rcbook/rcbook/invariants"
)

// Printing a handle. Format must never panic and never count: printing is
// how a program looks at a handle it suspects, so Format reads the header
// and the value without the checks that refuse a misuse, changes no count,
// and says in words what it found (empty, dropped, freed). It takes a
// pointer, like every method, so printing does not copy the handle: pass
// &r to fmt.

// Format prints r for fmt (fmt.Formatter); pass a pointer: fmt.Println(&r).
//
//   - %v, and any verb but %T and %p, prints the value with that verb and
//     its flags, as if the value itself were printed: fmt.Sprintf("%5d", &r).
//   - %+v adds the counts and the state: rc.Rc{strong: 2, weak: 1, state:
//     alive, value: 42}, where weak counts the Weak handles (the implicit
//     weak is not one, I4).
//   - A handle that holds no value prints what it is instead: <rc.Rc:
//     empty> for the zero Rc, <rc.Rc: dropped> (or moved, unwrapped, into
//     raw) for one that was used up, and for a stale copy whose value or
//     allocation is gone, its header: <rc.Rc: value dead>, <rc.Rc: value
//     freed>. With %+v: rc.Rc{empty}, rc.Rc{empty: dropped}, and the
//     counts and state of a stale copy's header.
//
// Format reads but does not use the handle: it is no operation of the
// rules, and is allowed on a handle every other method would refuse.
func (r *Rc[T]) Format(f fmt.State, verb rune) {
	if r == nil {
		io.WriteString(f, "<nil>")
		return
	}
	detailed := verb == 'v' && f.Flag('+')
	b := r.box
	switch {
	case b == nil && detailed && r.spent == invariants.Never:
		io.WriteString(f, "rc.Rc{empty}")
	case b == nil && detailed:
		fmt.Fprintf(f, "rc.Rc{empty: %s}", r.spent)
	case b == nil:
		fmt.Fprintf(f, "<rc.Rc: %s>", r.spent)
	case b.Gen != r.gen:
		io.WriteString(f, "<rc.Rc: freed, and its header reused by a pool>")
	case detailed && b.State == invariants.Alive:
		fmt.Fprintf(f, "rc.Rc{strong: %d, weak: %d, state: %s, value: %+v}", b.Strong, b.weakHandles(), b.State, b.value)
	case detailed:
		fmt.Fprintf(f, "rc.Rc{strong: %d, weak: %d, state: %s}", b.Strong, b.weakHandles(), b.State)
	case b.State == invariants.Alive:
		fmt.Fprintf(f, fmt.FormatString(f, verb), b.value)
	default:
		fmt.Fprintf(f, "<rc.Rc: value %s>", b.State)
	}
}

// Format prints w for fmt (fmt.Formatter); pass a pointer. A Weak does not
// own the value, so it does not print it: %v says whether the value is
// alive (<rc.Weak: alive>, <rc.Weak: dead>), or that w is dangling or was
// used up; %+v adds the counts: rc.Weak{strong: 1, weak: 1, state: alive}.
// Like Rc's Format it never panics and changes no count.
func (w *Weak[T]) Format(f fmt.State, verb rune) {
	if w == nil {
		io.WriteString(f, "<nil>")
		return
	}
	detailed := verb == 'v' && f.Flag('+')
	b := w.box
	switch {
	case w.spent != invariants.Never && detailed:
		fmt.Fprintf(f, "rc.Weak{empty: %s}", w.spent)
	case w.spent != invariants.Never:
		fmt.Fprintf(f, "<rc.Weak: %s>", w.spent)
	case b == nil && detailed:
		io.WriteString(f, "rc.Weak{dangling}")
	case b == nil:
		io.WriteString(f, "<rc.Weak: dangling>")
	case b.Gen != w.gen:
		io.WriteString(f, "<rc.Weak: freed, and its header reused by a pool>")
	case detailed:
		fmt.Fprintf(f, "rc.Weak{strong: %d, weak: %d, state: %s}", b.Strong, b.weakHandles(), b.State)
	default:
		fmt.Fprintf(f, "<rc.Weak: %s>", b.State)
	}
}

// weakHandles is the number of Weak handles, for printing: the raw weak
// count without the implicit weak while the strong handles still hold it
// (I4). Unlike WeakCount it stays exact after the value is gone.
func (b *box[T]) weakHandles() int {
	switch b.State {
	case invariants.Alive, invariants.Dropping, invariants.Uninit:
		return b.Weak - 1
	}
	return b.Weak
}
