package play

import (
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/suggest"
	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rc"
)

// session is one run of play: the learner's names, every allocation made
// so far, the pool if the learner made one, the journal of destructors,
// and where the output goes.
type session struct {
	out     io.Writer
	names   map[string]*handle
	guards  map[string]*guard  // the learner's named borrows of cells (borrow, borrowmut)
	allocs  []*allocation      // in the order made; #n is allocs[n-1]
	pool    *rc.Pool[nodeCell] // the one pool pnew takes headers from; nil until the pool command
	journal journal
	// record makes each step return the State after it, for Replay.
	record bool
}

func newSession(out io.Writer) *session {
	return &session{out: out, names: map[string]*handle{}, guards: map[string]*guard{}, journal: journal{out: out}}
}

// handle is what a name holds: one strong handle or one Weak, never both.
// A used-up handle keeps its name, so that using it again shows the
// library's refusal again rather than "no such name".
type handle struct {
	strong *rc.Rc[nodeCell]   // set for a strong name
	weak   *rc.Weak[nodeCell] // set for a weak name
	spent  string             // "dropped", "moved" or "unwrapped" once used up; "" before
}

// ref returns an rc.Observer of the allocation h points at, the zero
// Observer if none (an empty handle, a dangling or used-up Weak). An
// Observer names one life of one header: a pool hands a freed header out
// again in its next generation (I5), and a handle copied without Clone
// keeps the generation it was copied in, so once its header is reused it
// still names the earlier allocation, not the new one.
func (h *handle) ref() observer {
	if h.strong != nil {
		return h.strong.Observe()
	}
	return h.weak.Observe()
}

// result is what one command did, besides the lines it printed.
type result struct {
	quit    bool
	refusal *Refusal // the library refused the operation
	problem string   // the learner's mistake, as printed
	picture string   // the picture after the step; "" when nothing changed, unless asked for (show)
	state   State    // everything after the step, when the session records
}

// step runs one command line, prints what it said and what changed, and
// returns the rest: the picture to draw, and how the step went.
func (s *session) step(line string) (r result) {
	c, args, err := parse(line)
	if err != nil {
		r.problem = err.Error()
		fmt.Fprintln(s.out, r.problem)
		return r
	}
	if c.observes {
		if err := c.run(s, c, args); err != nil {
			fmt.Fprintln(s.out, err)
		}
		if c.name == "show" && !s.record {
			r.picture = s.picture(s.views())
		}
		r.quit = c.name == "quit"
		if s.record {
			r.state = s.state(s.views())
		}
		return r
	}
	before := s.views()
	was := ""
	if !s.record { // Replay returns the State, and draws no picture
		was = s.picture(before)
	}
	s.report(&r, s.try(c, args))
	s.trackHandles()
	after := s.views()
	for _, change := range s.changes(before, after) {
		fmt.Fprintln(s.out, change)
	}
	if s.record {
		r.state = s.state(after)
	} else if picture := s.picture(after); picture != was {
		r.picture = picture
	}
	s.retireFreed()
	return r
}

// report prints how a command went wrong, if it did, and records it in r:
// a refusal of the library's, with the rule at stake, or a mistake of the
// learner's.
func (s *session) report(r *result, err error) {
	var libs *invariants.Error
	var own *refusedError
	switch {
	case err == nil:
		return
	case errors.As(err, &libs):
		r.refusal = newRefusal(libs.Error(), libs.Rule())
	case errors.As(err, &own):
		r.refusal = newRefusal(own.msg, own.rule)
	default:
		r.problem = err.Error()
		fmt.Fprintln(s.out, r.problem)
		return
	}
	fmt.Fprintln(s.out, "refused: "+r.refusal.Message)
	if libs != nil && libs.Op == invariants.CellDrop {
		// The cell refused to drop its node, but the handle's drop or
		// unwrap had already begun, and completes even so.
		fmt.Fprintln(s.out, "rc's part went through all the same, but the node's destructor never ran:")
		fmt.Fprintln(s.out, "nothing will drop what its links hold")
	}
}

// refusedError is the library's refusal of an operation that answers no
// by its result rather than by a panic (GetMut, TryUnwrap): play prints it
// as it prints a panic's.
type refusedError struct {
	rule invariants.ID
	msg  string
}

func (e *refusedError) Error() string { return e.msg }

func refusef(rule invariants.ID, format string, args ...any) error {
	return &refusedError{rule: rule, msg: fmt.Sprintf(format, args...)}
}

// try runs c, turning the library's refusal into an error: every misuse
// panics with an *invariants.Error, and a refused operation has changed
// nothing (the one exception, a cell dropped while borrowed, report
// explains). Any other panic is a bug in play or in the library, and is
// not hidden.
func (s *session) try(c command, args []string) (err error) {
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		var refusal *invariants.Error
		if e, ok := v.(error); ok && errors.As(e, &refusal) {
			err = refusal
			return
		}
		panic(v)
	}()
	return c.run(s, c, args)
}

// lookup returns the handle a name holds.
func (s *session) lookup(name string) (*handle, error) {
	h, ok := s.names[name]
	if ok {
		return h, nil
	}
	if _, ok := s.guards[name]; ok {
		return nil, fmt.Errorf("%s is a borrow of a cell, not a handle", name)
	}
	return nil, fmt.Errorf("no handle named %s%s (show lists them)", name, s.didYouMean(name, s.sortedNames()))
}

// didYouMean suggests the name among names that word may be a typo of,
// as ": did you mean NAME?", or "" if none is close. Names are short, so
// a name must be more than half right to be suggested: b is no typo of a.
func (s *session) didYouMean(word string, names []string) string {
	if near := suggest.Nearest(word, names, min(2, len(word)/2)); near != "" {
		return fmt.Sprintf(": did you mean %s?", near)
	}
	return ""
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

// claim checks that a command may put a new handle or borrow under name:
// the name is new, or what it held is used up. Overwriting a handle that
// still holds something would lose it without Drop, the leak this library
// exists to prevent, so play refuses; so it does for a borrow not yet
// released.
func (s *session) claim(name string) error {
	if err := checkName(name); err != nil {
		return err
	}
	if h, ok := s.names[name]; ok && h.spent == "" {
		return fmt.Errorf("%s still holds a handle: drop or move it first (overwriting it would lose it without Drop)", name)
	}
	if g, ok := s.guards[name]; ok && !g.released {
		return fmt.Errorf("%s still holds a borrow: release it first", name)
	}
	return nil
}

// hold puts h under a name claim allowed, in place of what it held.
func (s *session) hold(name string, h *handle) {
	delete(s.guards, name)
	s.names[name] = h
}

// sortedNames returns the names in the table, in order, so that the
// picture does not depend on map order.
func (s *session) sortedNames() []string {
	names := make([]string, 0, len(s.names))
	for name := range s.names {
		names = append(names, name)
	}
	return sortStrings(names)
}

// sortStrings sorts names in place and returns them.
func sortStrings(names []string) []string {
	sort.Strings(names)
	return names
}
