package play

import (
	"fmt"
	"strings"

	"github.com/rcbook/rcbook/cell"
)

// The commands that borrow a node's cell and give the borrow back. They
// make chapter 6's rules visible: any number of shared borrows, or one
// mutable borrow, never both (B1), and every borrow released exactly once
// (B2). While a borrow is live, every other command that writes the node
// (set, add, unset, getmut, makemut) asks the cell for its mutable borrow
// too, and the cell refuses it.

// guard is a named borrow of one allocation's cell: a Ref or a RefMut.
type guard struct {
	a        *allocation
	mutable  bool
	shared   cell.Ref[node]
	mut      cell.RefMut[node]
	released bool
}

// borrow names a shared borrow of strong NAME's cell (RefCell.Borrow).
func (s *session) borrow(c command, args []string) error {
	return s.borrowCell(c, args, false)
}

// borrowMut names the mutable borrow of strong NAME's cell
// (RefCell.BorrowMut).
func (s *session) borrowMut(c command, args []string) error {
	return s.borrowCell(c, args, true)
}

func (s *session) borrowCell(c command, args []string, mutable bool) error {
	h, err := s.strongNamed(c, args[0])
	if err != nil {
		return err
	}
	if err := s.claim(args[1]); err != nil {
		return err
	}
	p := h.strong.Get() // refused if the handle is used up or stale
	g := &guard{a: s.track(h.strong), mutable: mutable}
	if mutable {
		g.mut = p.BorrowMut()
		g.a.writer = &g.mut
	} else {
		g.shared = p.Borrow()
	}
	delete(s.names, args[1])
	s.guards[args[1]] = g
	return nil
}

// release gives a borrow back (Ref.Release or RefMut.Release). The name
// stays, so that releasing it again shows the cell's refusal (B2).
func (s *session) release(_ command, args []string) error {
	g, ok := s.guards[args[0]]
	if !ok {
		if _, isHandle := s.names[args[0]]; isHandle {
			return fmt.Errorf("%s is a handle, not a borrow: drop gives a handle up", args[0])
		}
		return fmt.Errorf("no borrow named %s%s", args[0], s.didYouMean(args[0], s.guardNames()))
	}
	if g.mutable {
		g.mut.Release()
		g.a.writer = nil
	} else {
		g.shared.Release()
	}
	g.released = true
	return nil
}

// guardNames returns the names of borrows, in order.
func (s *session) guardNames() []string {
	var names []string
	for name := range s.guards {
		names = append(names, name)
	}
	return sortStrings(names)
}

// borrowLine lists the live borrows under the picture: "borrows: r of #1
// (shared)   m of #2 (mutable)"; "" if none.
func (s *session) borrowLine() string {
	var parts []string
	for _, name := range s.guardNames() {
		if g := s.guards[name]; !g.released {
			kind := "shared"
			if g.mutable {
				kind = "mutable"
			}
			if !g.a.alive() {
				kind += ", its node is gone"
			}
			parts = append(parts, fmt.Sprintf("%s of #%d (%s)", name, g.a.n, kind))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "borrows: " + strings.Join(parts, ", ")
}
