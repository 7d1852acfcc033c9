package play

import (
	"fmt"

	"github.com/rcbook/rcbook/invariants"
)

// command is one line of the command table: how to call it, what it does,
// and the small function that does it. run reports a mistake of the
// learner's (an unknown name, a name in use) as an error; a misuse the
// library refuses arrives as its panic, which step recovers.
type command struct {
	name             string
	usage            string
	doc              string
	minArgs, maxArgs int
	// observes marks the commands that change nothing (show, help, rules,
	// quit): step runs them without working out what changed.
	observes bool
	run      func(s *session, c command, args []string) error
}

// commands is the table, in the order help lists it. It is filled in by
// init because help reads it: a table that names help's function in its
// own initializer would be an initialization cycle.
var commands []command

func init() {
	commands = []command{
		{name: "new", usage: "new NAME INT", minArgs: 2, maxArgs: 2, run: (*session).new,
			doc: "allocate INT: strong 1, weak 0 (rc.New)"},
		{name: "clone", usage: "clone SRC DST", minArgs: 2, maxArgs: 2, run: (*session).clone,
			doc: "one more handle of SRC's kind to the same allocation (Clone)"},
		{name: "move", usage: "move SRC DST", minArgs: 2, maxArgs: 2, run: (*session).move,
			doc: "hand SRC over to DST; SRC is left empty, no count changes (Move)"},
		{name: "drop", usage: "drop NAME", minArgs: 1, maxArgs: 1, run: (*session).drop,
			doc: "give the handle up; the last strong one drops the value (Drop)"},
		{name: "downgrade", usage: "downgrade SRC DST", minArgs: 2, maxArgs: 2, run: (*session).downgrade,
			doc: "a Weak to strong SRC's allocation (weak.Downgrade)"},
		{name: "upgrade", usage: "upgrade WEAK DST", minArgs: 2, maxArgs: 2, run: (*session).upgrade,
			doc: "a strong handle from a Weak, only while the value lives (Upgrade)"},
		{name: "dangling", usage: "dangling NAME", minArgs: 1, maxArgs: 1, run: (*session).dangling,
			doc: "a Weak that points at nothing (weak.New)"},
		{name: "getmut", usage: "getmut NAME [INT]", minArgs: 1, maxArgs: 2, run: (*session).getMut,
			doc: "write INT (or +1) only if NAME is the one handle of any kind (GetMut)"},
		{name: "makemut", usage: "makemut NAME [INT]", minArgs: 1, maxArgs: 2, run: (*session).makeMut,
			doc: "write INT (or +1), first copying or moving if others share it (MakeMut)"},
		{name: "unwrap", usage: "unwrap NAME", minArgs: 1, maxArgs: 1, run: (*session).unwrap,
			doc: "take the value out if NAME is the only strong handle (TryUnwrap)"},
		{name: "set", usage: "set A.FIELD B", minArgs: 2, maxArgs: 2, run: (*session).set,
			doc: "A.next := a clone of strong B, or A.parent := a Weak to B's node"},
		{name: "add", usage: "add A.children B", minArgs: 2, maxArgs: 2, run: (*session).add,
			doc: "append a clone of strong B to A's children"},
		{name: "unset", usage: "unset A.FIELD", minArgs: 1, maxArgs: 1, run: (*session).unset,
			doc: "drop what A.next, A.parent or A.children holds, and leave it empty"},
		{name: "borrow", usage: "borrow NAME G", minArgs: 2, maxArgs: 2, run: (*session).borrow,
			doc: "G := a shared borrow of NAME's RefCell (Borrow; not beside a RefMut, B1)"},
		{name: "borrowmut", usage: "borrowmut NAME G", minArgs: 2, maxArgs: 2, run: (*session).borrowMut,
			doc: "G := the one mutable borrow of NAME's RefCell (BorrowMut; B1)"},
		{name: "release", usage: "release G", minArgs: 1, maxArgs: 1, run: (*session).release,
			doc: "give borrow G back (Release; twice is refused, B2)"},
		{name: "pool", usage: "pool N", minArgs: 1, maxArgs: 1, run: (*session).makePool,
			doc: "the session's pool, keeping up to N freed headers (pool.NewPool)"},
		{name: "pnew", usage: "pnew NAME INT", minArgs: 2, maxArgs: 2, run: (*session).pnew,
			doc: "new, taking a freed header from the pool if it has one (pool.New)"},
		{name: "copy", usage: "copy SRC DST", minArgs: 2, maxArgs: 2, run: (*session).copyHandle,
			doc: "DST := SRC without Clone: uncounted, so one goes stale (go vet flags it)"},
		{name: "show", usage: "show", observes: true, run: (*session).show,
			doc: "draw every allocation again"},
		{name: "rules", usage: "rules", observes: true, run: (*session).rules,
			doc: "the invariants I1-I7 and borrow rules B1-B2 that refusals cite"},
		{name: "help", usage: "help", observes: true, run: (*session).help,
			doc: "this text"},
		{name: "quit", usage: "quit", observes: true, run: (*session).quit,
			doc: "leave, saying what is still live (so does the end of the input)"},
	}
}

// lookupCommand finds a command by name.
func lookupCommand(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// legend explains the picture, and says what happens to freed allocations.
const legend = `
Reading the picture:
  +-- #1 live ---+        allocation #1 (numbered in the order made): live or freed
  strong 2                strong handles (StrongCount)
  weak 1 (+1 implicit)    Weak handles, plus the implicit weak that all strong
                          handles share (I4), released when strong reaches 0.
                          WeakCount shows the same number, or 0 once strong is 0
  value 5 (alive)         or "dropped" / "moved out", with the value it had
  strong: a   weak: w     the names pointing at the allocation
  empty: b (dropped)      names whose handle is used up; using one is refused again
  +-- #3 live, gen 2 -+   a header from the pool, in its 2nd life (generation)
  stale: c (#1 freed)     a copy made without Clone, left at a freed allocation
  pool: 1 of 2 ...        freed headers waiting in the pool for pnew to reuse
  next -> #2              a node's links: next and children are strong,
  parent ~> #1 (Weak)     parent a Weak; "held by: #1.next" names the links
                          pointing at an allocation
  borrowed 1 shared       the RefCell's live borrows (borrow, borrowmut)
  #1 live, LEAKED         live, but no name reaches it, even through links:
                          no drop you can type will free it (a cycle)
A freed allocation is drawn once, in the step that frees it, and then leaves
the picture; its number is never reused, and a header the pool hands out
again is a new allocation with a new number. # starts a comment.`

func (s *session) help(command, []string) error {
	fmt.Fprintln(s.out, "Commands (a NAME holds one handle, strong or weak):")
	for _, c := range commands {
		fmt.Fprintf(s.out, "  %-20s %s\n", c.usage, c.doc)
	}
	fmt.Fprintln(s.out, legend)
	return nil
}

func (s *session) rules(command, []string) error {
	for _, r := range append(append([]invariants.Rule{}, invariants.Rules...), invariants.BorrowRules...) {
		fmt.Fprintf(s.out, "%s %s: %s\n", r.ID, r.Name, r.Statement)
	}
	return nil
}

// show asks step to draw the picture, which it does for every command
// that changes something.
func (s *session) show(command, []string) error { return nil }

// quit says what the session leaves live; step reports that it was quit.
func (s *session) quit(command, []string) error {
	for _, line := range s.summary() {
		fmt.Fprintln(s.out, line)
	}
	return nil
}
