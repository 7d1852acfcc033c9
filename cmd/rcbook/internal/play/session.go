package play

import (
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rc"
)

// session is one run of play: the learner's names, every allocation made
// so far, the pool if the learner made one, and where the output goes.
type session struct {
	out    io.Writer
	names  map[string]*handle
	allocs []*allocation // in the order made; #n is allocs[n-1]
	pool   *rc.Pool[int] // the one pool pnew takes headers from; nil until the pool command
}

func newSession(out io.Writer) *session {
	return &session{out: out, names: map[string]*handle{}}
}

// handle is what a name holds: one strong handle or one Weak, never both.
// A used-up handle keeps its name, so that using it again shows the
// library's refusal again rather than "no such name".
type handle struct {
	strong *rc.Rc[int]   // set for a strong name
	weak   *rc.Weak[int] // set for a weak name
	spent  string        // "dropped", "moved" or "unwrapped" once used up; "" before
}

// ref returns an rc.Observer of the allocation h points at, the zero
// Observer if none (an empty handle, a dangling or used-up Weak). An
// Observer names one life of one header: a pool hands a freed header out
// again in its next generation (I5), and a handle copied without Clone
// keeps the generation it was copied in, so once its header is reused it
// still names the earlier allocation, not the new one.
func (h *handle) ref() rc.Observer[int] {
	if h.strong != nil {
		return h.strong.Observe()
	}
	return h.weak.Observe()
}

// step runs one command line and prints what it did. It reports whether
// the command was quit.
func (s *session) step(line string) (quit bool) {
	c, args, err := parse(line)
	if err != nil {
		fmt.Fprintln(s.out, err)
		return false
	}
	if c.observes {
		if err := c.run(s, c, args); err != nil {
			fmt.Fprintln(s.out, err)
		}
		return c.name == "quit"
	}
	before, views := s.picture(), s.views()
	if err := s.try(c, args); err != nil {
		fmt.Fprintln(s.out, err)
	}
	s.trackHandles()
	for _, change := range s.changes(views) {
		fmt.Fprintln(s.out, change)
	}
	if after := s.picture(); after != before {
		fmt.Fprint(s.out, after)
	}
	s.retireFreed()
	return false
}

// try runs c, turning the library's refusal into an error: every misuse
// panics with an *invariants.Error, and a refused operation has changed
// nothing. Any other panic is a bug in play or in the library, and is not
// hidden.
func (s *session) try(c command, args []string) (err error) {
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		var refusal *invariants.Error
		if e, ok := v.(error); ok && errors.As(e, &refusal) {
			err = fmt.Errorf("refused: %w", e)
			return
		}
		panic(v)
	}()
	return c.run(s, c, args)
}

// lookup returns the handle a name holds.
func (s *session) lookup(name string) (*handle, error) {
	h, ok := s.names[name]
	if !ok {
		return nil, fmt.Errorf("no handle named %s (show lists them)", name)
	}
	return h, nil
}

// strongNamed returns the strong handle a name holds, for a command that
// needs one.
func (s *session) strongNamed(c command, name string) (*handle, error) {
	h, err := s.lookup(name)
	if err == nil && h.strong == nil {
		err = fmt.Errorf("%s is a Weak; %s needs a strong handle (upgrade it first)", name, c.name)
	}
	return h, err
}

// weakNamed returns the Weak a name holds, for a command that needs one.
func (s *session) weakNamed(c command, name string) (*handle, error) {
	h, err := s.lookup(name)
	if err == nil && h.weak == nil {
		err = fmt.Errorf("%s is a strong handle; %s needs a Weak (downgrade it first)", name, c.name)
	}
	return h, err
}

// claim checks that a command may put a new handle under name: the name is
// new, or its handle is used up. Overwriting a handle that still holds
// something would lose it without Drop, the leak this library exists to
// prevent, so play refuses.
func (s *session) claim(name string) error {
	if err := checkName(name); err != nil {
		return err
	}
	if h, ok := s.names[name]; ok && h.spent == "" {
		return fmt.Errorf("%s still holds a handle: drop or move it first (overwriting it would lose it without Drop)", name)
	}
	return nil
}

// sortedNames returns the names in the table, in order, so that the
// picture does not depend on map order.
func (s *session) sortedNames() []string {
	names := make([]string, 0, len(s.names))
	for name := range s.names {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
