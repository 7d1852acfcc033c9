package play

import (
	"fmt"
	"strings"

	"github.com/rcbook/rcbook/rc"
)

// The commands that store handles inside nodes: chapter 7's lists, cycles
// and trees. Each writes the node through its cell's mutable borrow, so a
// live borrow of the node refuses it (B1), and each stores a clone: the
// learner's name keeps its own handle.

// fields are the links a node has, in the order a node lists them.
var fields = []string{"next", "parent", "children"}

// fieldArg splits "A.next" into the name and the field, checking the field
// is one of want.
func (s *session) fieldArg(c command, arg string, want ...string) (name, field string, err error) {
	name, field, ok := strings.Cut(arg, ".")
	if !ok || name == "" {
		return "", "", fmt.Errorf("usage: %s (%q names no field: write NAME.%s)", c.usage, arg, want[0])
	}
	for _, w := range want {
		if field == w {
			return name, field, nil
		}
	}
	return "", "", fmt.Errorf("%s cannot set field %q%s (%s takes %s)", c.name, field,
		s.didYouMean(field, want), c.name, strings.Join(want, " or "))
}

// edit runs f on the node strong name holds, through its cell's mutable
// borrow.
func (s *session) edit(c command, name string, f func(n *node) error) error {
	h, err := s.strongNamed(c, name)
	if err != nil {
		return err
	}
	m := h.strong.Get().BorrowMut() // refused while the node is borrowed (B1)
	defer m.Release()
	return f(m.Get())
}

// set stores in A's next a clone of strong B (strong + 1), or in A's parent
// a Weak to B's allocation (weak + 1). The field's old handle is dropped
// first, which may drop what it pointed at.
func (s *session) set(c command, args []string) error {
	name, field, err := s.fieldArg(c, args[0], "next", "parent")
	if err != nil {
		return err
	}
	var b *handle
	if field == "next" {
		b, err = s.strongNamed(c, args[1])
	} else {
		b, err = s.lookup(args[1])
	}
	if err != nil {
		return err
	}
	return s.edit(c, name, func(n *node) error {
		if field == "next" {
			clone := b.strong.Clone() // refused if b is used up, before anything changes
			if !n.next.IsEmpty() {
				n.next.Drop()
			}
			n.next = clone.Move()
			return nil
		}
		var w rc.Weak[nodeCell]
		if b.strong != nil {
			w = rc.Downgrade(b.strong)
		} else {
			w = b.weak.Clone()
		}
		n.parent.Drop()
		n.parent = w.Move()
		return nil
	})
}

// add appends to A's children a clone of strong B (strong + 1).
func (s *session) add(c command, args []string) error {
	name, _, err := s.fieldArg(c, args[0], "children")
	if err != nil {
		return err
	}
	b, err := s.strongNamed(c, args[1])
	if err != nil {
		return err
	}
	return s.edit(c, name, func(n *node) error {
		n.children = append(n.children, b.strong.Clone())
		return nil
	})
}

// unset drops the handle (or, for children, every handle) in A's field and
// leaves it empty, which may drop what it pointed at.
func (s *session) unset(c command, args []string) error {
	name, field, err := s.fieldArg(c, args[0], fields...)
	if err != nil {
		return err
	}
	return s.edit(c, name, func(n *node) error {
		switch field {
		case "next":
			if n.next.IsEmpty() {
				return fmt.Errorf("%s.next is not set", name)
			}
			n.next.Drop()
			n.next = rc.Rc[nodeCell]{}
		case "parent":
			n.parent.Drop()
			n.parent = rc.Weak[nodeCell]{}
		default:
			children := n.children
			n.children = nil
			for i := range children {
				children[i].Drop()
			}
		}
		return nil
	})
}
