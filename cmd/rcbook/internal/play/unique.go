package play

import "fmt"

// The commands about uniqueness: who may write, and who may take the value
// out (I6).

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
		v := s.track(h.ref()).view()
		fmt.Fprintf(s.out, "refused: GetMut needs strong 1 and no Weak (I6); %s has strong %d, weak %d\n",
			args[0], v.strong, v.weaks)
		return nil
	}
	old := *p
	*p = w.to(old)
	fmt.Fprintf(s.out, "%s is the only handle (I6): value %d -> %d in place\n", args[0], old, *p)
	return nil
}

// makeMut writes through Rc.MakeMut, which always gets a value NAME alone
// owns. Which of its three cases happened shows in the header pointer,
// before and after, and in whether the clone function ran.
func (s *session) makeMut(c command, args []string) error {
	h, err := s.strongNamed(c, args[0])
	if err != nil {
		return err
	}
	w, err := valueArg(c, args)
	if err != nil {
		return err
	}
	before := h.ref()
	clones := 0
	p := h.strong.MakeMut(func(v int) int { clones++; return v })
	after := h.ref()
	old := *p
	*p = w.to(old)
	from, to := s.track(before), s.track(after)
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
	fmt.Fprintf(s.out, "%s's value %d -> %d\n", args[0], old, *p)
	return nil
}

// unwrap takes the value out with Rc.TryUnwrap, which works when NAME is the
// only strong handle; Weaks may remain, and find the value gone (I6, I7).
func (s *session) unwrap(c command, args []string) error {
	h, err := s.strongNamed(c, args[0])
	if err != nil {
		return err
	}
	r := h.ref() // the zero Observer if h is empty; then TryUnwrap refuses before r is used
	value, ok := h.strong.TryUnwrap()
	if !ok {
		header, _ := r.Header()
		fmt.Fprintf(s.out, "refused: %d strong handles share it (I6)\n", header.Strong)
		return nil
	}
	s.track(r).movedOut = true
	h.spent = "unwrapped"
	fmt.Fprintf(s.out, "got %d: the caller owns it now, and %s is empty\n", value, args[0])
	return nil
}
