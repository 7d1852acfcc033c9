package play

import (
	"fmt"
	"reflect"

	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rc"
)

// The commands about pools: a bounded pool of reusable headers, allocations
// that take their header from it, and the uncounted copy that makes reuse
// dangerous. Together they show why a header counts its lives (I5).

// makePool gives the session its pool (rc.NewPool), which keeps up to N
// freed headers. A session has one pool, so that the picture's pool line is
// about the headers pnew takes.
func (s *session) makePool(c command, args []string) error {
	if s.pool != nil {
		return fmt.Errorf("the session already has a pool of %d: pnew takes its headers from it", s.pool.MaxSize())
	}
	n, err := intArg(c, args[0])
	if err != nil {
		return err
	}
	if n < 0 {
		return fmt.Errorf("usage: %s (%d is negative: a pool keeps 0 or more freed headers)", c.usage, n)
	}
	s.pool = rc.NewPool[nodeCell](n, nil)
	if n == 0 {
		fmt.Fprintln(s.out, "a null pool: it keeps no freed header, so every pnew asks the heap, as new does")
		return nil
	}
	fmt.Fprintf(s.out, "a pool that keeps up to %s; pnew reuses one before asking the heap\n", plural(n, "freed header"))
	return nil
}

// pnew is new with the header taken from the session's pool (Pool.New):
// a freed header if the pool holds one, in its next generation, and a new
// one from the heap otherwise.
func (s *session) pnew(c command, args []string) error {
	if s.pool == nil {
		return fmt.Errorf("make a pool first: pool N")
	}
	return s.allocate(c, args, s.pool.New)
}

// copyHandle gives DST a copy of SRC's handle made without Clone, which is
// what `dst := src` does in Go: the same header and generation, counted
// nowhere. In real code go vet reports that statement (copylocks); play
// makes the copy so that the learner sees why. No count changes, so the
// first of the two names dropped gives up the share both seem to hold, and
// the other is left stale: the library refuses it once the allocation is
// freed, naming both generations once a pool has reused the header (I5).
// A copy of a used-up handle is used up too.
//
// With -tags rcrelease the library does not check handles against their
// header, so a stale copy would reach freed memory: there play refuses to
// make one.
func (s *session) copyHandle(_ command, args []string) error {
	if !invariants.Enabled {
		return fmt.Errorf("copy needs the header checks, which this build (-tags rcrelease) compiles out")
	}
	src, err := s.lookup(args[0])
	if err != nil {
		return err
	}
	if err := s.claim(args[1]); err != nil {
		return err
	}
	dst := &handle{spent: src.spent}
	if src.strong != nil {
		dst.strong = uncountedCopy(src.strong)
	} else {
		dst.weak = uncountedCopy(src.weak)
	}
	s.hold(args[1], dst)
	a := s.find(src.ref())
	switch {
	case src.spent != "":
		fmt.Fprintf(s.out, "%s is a copy of %s, which is empty (%s): the copy is used up too\n", args[1], args[0], src.spent)
	case src.ref() == observer{}:
		fmt.Fprintf(s.out, "%s is a copy of %s, a dangling Weak: it points at nothing either\n", args[1], args[0])
	case a == nil || a.over():
		fmt.Fprintf(s.out, "%s is a copy of %s: both point at an allocation that was freed\n", args[1], args[0])
	case src.strong != nil:
		fmt.Fprintf(s.out, "%s := %s copies the handle without Clone: both point at #%d, but strong still counts %d\n",
			args[1], args[0], a.n, a.view().strong)
	default:
		fmt.Fprintf(s.out, "%s := %s copies the handle without Clone: both point at #%d, but weak still counts %d\n",
			args[1], args[0], a.n, a.view().weaks)
	}
	return nil
}

// uncountedCopy returns a copy of *h, as `c := *h` would make it. go vet's
// copylocks check refuses that statement for rc and weak handles, which
// embed a NoCopy, so the copy goes through reflect, the way
// rctest.UncountedCopy makes one (play does not import rctest, which
// imports testing).
func uncountedCopy[H rc.Rc[nodeCell] | rc.Weak[nodeCell]](h *H) *H {
	c := new(H)
	reflect.ValueOf(c).Elem().Set(reflect.ValueOf(h).Elem())
	return c
}
