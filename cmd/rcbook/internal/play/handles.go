package play

import (
	"fmt"

	"github.com/rcbook/rcbook/rc"
)

// The commands that make, share, transfer and give up handles. Each checks
// the learner's names first and calls the library last, so that when the
// library refuses (it panics, and step recovers) play's own table is still
// as it was.

// new makes NAME the first strong handle to a new allocation (rc.New):
// strong 1, weak 0, plus the implicit weak the strong handles share (I4).
func (s *session) new(c command, args []string) error {
	return s.allocate(c, args, rc.New[nodeCell])
}

// allocate is new and pnew: it names the first strong handle to an
// allocation that alloc creates from the INT argument, once the name and the
// value have passed their checks.
func (s *session) allocate(c command, args []string, alloc func(nodeCell) rc.Rc[nodeCell]) error {
	value, err := intArg(c, args[1])
	if err != nil {
		return err
	}
	if err := s.claim(args[0]); err != nil {
		return err
	}
	if len(s.allocs) >= MaxAllocations {
		return fmt.Errorf("not run: a session makes at most %d allocations", MaxAllocations)
	}
	r := alloc(newNode(value, &s.journal))
	s.hold(args[0], &handle{strong: &r})
	s.track(&r)
	return nil
}

// clone gives DST another handle of SRC's kind: Rc.Clone (strong + 1) or
// Weak.Clone (weak + 1, or another dangling Weak).
func (s *session) clone(_ command, args []string) error {
	src, err := s.lookup(args[0])
	if err != nil {
		return err
	}
	if err := s.claim(args[1]); err != nil {
		return err
	}
	if src.strong != nil {
		r := src.strong.Clone()
		s.hold(args[1], &handle{strong: &r})
		return nil
	}
	w := src.weak.Clone()
	s.hold(args[1], &handle{weak: &w})
	return nil
}

// move hands SRC's handle to DST (Rc.Move or Weak.Move). The counts do not
// change; SRC is left empty.
func (s *session) move(_ command, args []string) error {
	src, err := s.lookup(args[0])
	if err != nil {
		return err
	}
	if err := s.claim(args[1]); err != nil {
		return err
	}
	if src.strong != nil {
		r := src.strong.Move()
		s.hold(args[1], &handle{strong: &r})
	} else {
		w := src.weak.Move()
		s.hold(args[1], &handle{weak: &w})
	}
	src.spent = "moved"
	fmt.Fprintf(s.out, "%s now holds the handle %s held; %s is empty, and no count changes\n", args[1], args[0], args[0])
	return nil
}

// drop gives NAME's handle up (Rc.Drop or Weak.Drop). The name stays,
// marked dropped, so that dropping it again shows the library's refusal.
func (s *session) drop(_ command, args []string) error {
	h, err := s.lookup(args[0])
	if err != nil {
		return err
	}
	if h.strong != nil {
		// A destructor that panics (a cell dropped while borrowed) still
		// completes the drop: the name is used up all the same.
		defer func() {
			if h.spent == "" && h.strong.IsEmpty() {
				h.spent = "dropped"
			}
		}()
		h.strong.Drop()
	} else {
		h.weak.Drop()
	}
	h.spent = "dropped"
	return nil
}

// downgrade gives DST a Weak to strong SRC's allocation (rc.Downgrade):
// weak + 1.
func (s *session) downgrade(c command, args []string) error {
	src, err := s.strongNamed(c, args[0])
	if err != nil {
		return err
	}
	if err := s.claim(args[1]); err != nil {
		return err
	}
	w := rc.Downgrade(src.strong)
	s.hold(args[1], &handle{weak: &w})
	return nil
}

// upgrade gives DST a strong handle from a Weak (Weak.Upgrade): strong + 1
// while the value lives. When it fails, DST is not made: there is nothing
// for it to hold, and a dead value is never brought back (I7).
func (s *session) upgrade(c command, args []string) error {
	src, err := s.weakNamed(c, args[0])
	if err != nil {
		return err
	}
	if err := s.claim(args[1]); err != nil {
		return err
	}
	r, ok := src.weak.Upgrade()
	switch {
	case ok:
		s.hold(args[1], &handle{strong: &r})
	case src.ref() == observer{}:
		fmt.Fprintf(s.out, "upgrade failed: %s is dangling, it points at no value (I7)\n", args[0])
	default:
		fmt.Fprintln(s.out, "upgrade failed: the value is gone (I7)")
	}
	return nil
}

// dangling gives NAME a Weak to nothing (rc.NewWeak). It allocates nothing.
func (s *session) dangling(_ command, args []string) error {
	if err := s.claim(args[0]); err != nil {
		return err
	}
	w := rc.NewWeak[nodeCell]()
	s.hold(args[0], &handle{weak: &w})
	return nil
}
