package play

import (
	"fmt"

	"github.com/rcbook/rcbook/rc"
)

// The commands about uniqueness: who may write, and who may take the value
// out (I6). A write goes through the cell's mutable borrow, so a borrow the
// learner holds refuses it (B1) after rc has said yes.

// getMut writes through Rc.GetMut, which only works when NAME is the one
// handle of any kind: strong 1 and no Weak (I6). Otherwise it is refused
// with the counts that made it so.
func (s *session) getMut(c command, args []string) error {
	h, err := s.strongNamed(c, args[0])
	if err != nil {
		return err
	}
	w, err := valueArg(c, args)
	if err != nil {
		return err
	}
	p, ok := h.strong.GetMut()
	if !ok {
		v := s.track(h.strong).view()
		return refusef("I6", "GetMut needs strong 1 and no Weak (I6); %s has strong %d, weak %d",
			args[0], v.strong, v.weaks)
	}
	old, now := writeValue(p, w)
	fmt.Fprintf(s.out, "%s is the only handle (I6): value %d -> %d in place\n", args[0], old, now)
	return nil
}

// writeValue stores w in the node in c, through the cell's mutable borrow,
// and returns the old value and the new.
func writeValue(c *nodeCell, w write) (old, now int) {
	m := c.BorrowMut()
	defer m.Release()
	n := m.Get()
	old = n.value
	n.value = w.to(old)
	return old, n.value
}

// makeMut writes through Rc.MakeMut, which always gets a value NAME alone
// owns. Which of its three cases happened shows in the header, before and
// after, and in whether the clone function ran. A clone copies the node's
// links too (each target gains a handle), as Rust's derived Clone would.
func (s *session) makeMut(c command, args []string) error {
	h, err := s.strongNamed(c, args[0])
	if err != nil {
		return err
	}
	w, err := valueArg(c, args)
	if err != nil {
		return err
	}
	if len(s.allocs) >= MaxAllocations {
		return fmt.Errorf("not run: a session makes at most %d allocations, and makemut may make one", MaxAllocations)
	}
	before := h.ref()
	orig := h.strong.Get()
	clones := 0
	p := h.strong.MakeMut(ignoringCopy(func() nodeCell { clones++; return cloneOf(orig) }))
	after := h.ref()
	from, to := s.find(before), s.track(h.strong)
	old, now := writeValue(p, w)
	switch {
	case after == before:
		fmt.Fprintf(s.out, "in place: %s is the only handle to #%d (I6)\n", args[0], from.n)
	case clones > 0:
		fmt.Fprintf(s.out, "cloned: other strong handles share #%d, so %s gets a copy in #%d; they keep #%d\n",
			from.n, args[0], to.n, from.n)
	default:
		from.movedOut = true
		fmt.Fprintf(s.out, "moved: only Weaks share #%d, so the value moves to #%d without a clone; they cannot upgrade now (I7)\n",
			from.n, to.n)
	}
	fmt.Fprintf(s.out, "%s's value %d -> %d\n", args[0], old, now)
	return nil
}

// unwrap takes the value out with Rc.TryUnwrap, which works when NAME is the
// only strong handle; Weaks may remain, and find the value gone (I6, I7).
// The node taken out is the caller's, and the caller is play, which drops
// it at once: its destructor lets go of its links, as a Rust value does at
// the end of its scope.
func (s *session) unwrap(c command, args []string) error {
	h, err := s.strongNamed(c, args[0])
	if err != nil {
		return err
	}
	r := h.ref() // the zero Observer if h is empty; then TryUnwrap refuses before r is used
	a := s.find(r)
	value, ok := h.strong.TryUnwrap()
	if !ok {
		header, _ := r.Header()
		return refusef("I6", "rc: TryUnwrap returned false: %d strong handles share it (I6)", header.Strong)
	}
	if a != nil {
		a.movedOut = true
	}
	h.spent = "unwrapped"
	got := unwrapped(&value)
	fmt.Fprintf(s.out, "got %d: the caller owns it now, and %s is empty; play drops it\n", got, args[0])
	value.Drop()
	return nil
}

// unwrapped reads the value of a node taken out of its allocation.
func unwrapped(c *nodeCell) int {
	r := c.Borrow()
	defer r.Release()
	return r.Get().value
}

var _ rc.Dropper = (*nodeCell)(nil)
