package play

import (
	"fmt"
	"strings"

	"github.com/rcbook/rcbook/invariants"
)

// A reference count frees a value when no handle owns it; it cannot tell
// whether the program can still reach it. play can: it knows every name.
// An allocation is reached when a name points at it, or a link of a node
// that is reached does. A Weak reaches too, name or link, since it can be
// upgraded to work on what it points at. A live allocation that nothing
// reaches is a leak: no drop the learner can still type will ever free it.
// That is what a tracing collector's mark phase finds, and what chapter 7's
// cycle of strong links makes.

// reached returns the allocations a name reaches, directly or through
// links, given how every allocation in the picture looks now.
func (s *session) reached(views map[*allocation]view) map[*allocation]bool {
	reached := map[*allocation]bool{}
	var visit func(a *allocation)
	visit = func(a *allocation) {
		if a == nil || reached[a] {
			return
		}
		reached[a] = true
		for _, l := range views[a].links {
			visit(s.find(l.to))
		}
	}
	for _, name := range s.sortedNames() {
		if h := s.names[name]; h.spent == "" {
			visit(s.find(h.ref()))
		}
	}
	return reached
}

// holder is a link that points at an allocation, as the picture names it:
// "#2.next".
type holder struct {
	label string
	weak  bool
}

// holders returns, for each allocation, the links of other nodes (or its
// own) that point at it, in the order of the nodes and their links.
func (s *session) holders(views map[*allocation]view) map[*allocation][]holder {
	holders := map[*allocation][]holder{}
	for _, a := range s.allocs {
		for _, l := range views[a].links {
			if to := s.find(l.to); to != nil {
				holders[to] = append(holders[to], holder{label: fmt.Sprintf("#%d.%s", a.n, l.name), weak: l.weak})
			}
		}
	}
	return holders
}

// summary says what is left when the session ends: every allocation still
// live, what holds it, and which are leaks. Like a Go program that forgets
// a Drop, the session drops nothing on its way out.
func (s *session) summary() []string {
	views := s.views()
	holders := s.holders(views)
	var lines, leaks []string
	for _, a := range s.allocs {
		v, shown := views[a]
		if !shown || v.state == invariants.Freed {
			continue
		}
		line := fmt.Sprintf("  #%d (value %d)", a.n, v.value)
		if v.state != invariants.Alive {
			line = fmt.Sprintf("  #%d (value gone, was %d)", a.n, v.value)
		}
		held := s.heldBy(a, holders[a])
		if v.leaked {
			leaks = append(leaks, fmt.Sprintf("#%d", a.n))
			line += ": LEAKED, no name reaches it; held by " + held
		} else {
			line += ": held by " + held
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		return []string{"session over: nothing is live, every allocation was freed"}
	}
	head := fmt.Sprintf("session over: %s still live, and the session drops nothing for you:", plural(len(lines), "allocation"))
	lines = append([]string{head}, lines...)
	if len(leaks) > 0 {
		lines = append(lines, fmt.Sprintf("a leak: %s stay live for good, since no drop can reach them (chapter 7)", strings.Join(leaks, ", ")))
	}
	return lines
}

// heldBy lists what points at a: the names, then the links of nodes,
// a Weak marked as one.
func (s *session) heldBy(a *allocation, links []holder) string {
	var parts []string
	for _, name := range s.sortedNames() {
		h := s.names[name]
		if h.spent == "" && h.ref() == a.ref {
			parts = append(parts, name+weakMark(h.weak != nil))
		}
	}
	for _, l := range links {
		parts = append(parts, l.label+weakMark(l.weak))
	}
	if len(parts) == 0 {
		return "nothing play can see (a handle lost without Drop)"
	}
	return strings.Join(parts, ", ")
}

func weakMark(weak bool) string {
	if weak {
		return " (Weak)"
	}
	return ""
}
