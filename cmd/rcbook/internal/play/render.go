package play

import (
	"fmt"
	"strings"

	"github.com/rcbook/rcbook/invariants"
)

// minInner is the narrowest a box's inside may be, so that boxes drawn one
// under the other line up unless a large value needs more room.
const minInner = 37

// picture draws every allocation in the picture, each with the names
// pointing at it, then the names that point at none, then the pool if the
// session has one. A box looks like
//
//	+-- #1 live -----------------------+
//	| strong 2   weak 1 (+1 implicit)  |
//	| value 5 (alive)                  |
//	+----------------------------------+
//	  strong: a, b   weak: w
//
// and the title of an allocation from a pool gives its header's generation:
// "#3 live, gen 2". A node's links and its cell's borrows get a row each
// when it has any, and a leak says so in its title.
func (s *session) picture(views map[*allocation]view) string {
	var b strings.Builder
	holders := s.holders(views)
	for _, a := range s.allocs {
		if v, shown := views[a]; shown {
			s.drawBox(&b, a, v)
			fmt.Fprintln(&b, "  "+s.pointers(a, holders[a]))
		}
	}
	if line := s.unattached(); line != "" {
		fmt.Fprintln(&b, line)
	}
	if line := s.borrowLine(); line != "" {
		fmt.Fprintln(&b, line)
	}
	if b.Len() == 0 {
		b.WriteString("nothing allocated, no handles\n")
	}
	if s.pool != nil {
		fmt.Fprintf(&b, "pool: %d of %d headers waiting\n", s.pool.Size(), s.pool.MaxSize())
	}
	return b.String()
}

// drawBox draws allocation a as it is in v.
func (s *session) drawBox(b *strings.Builder, a *allocation, v view) {
	title := fmt.Sprintf("#%d live", a.n)
	if v.state == invariants.Freed {
		title = fmt.Sprintf("#%d freed", a.n)
	}
	if a.ref.Gen() > 0 { // from a pool; rc.New's headers stay in generation 0
		title += fmt.Sprintf(", gen %d", a.ref.Gen())
	}
	if v.leaked {
		title += ", LEAKED"
	}
	rows := []string{countsRow(v), valueRow(v, a.movedOut)}
	rows = append(rows, s.linkRows(v.links)...)
	if v.shared > 0 || v.mutably {
		rows = append(rows, "borrowed "+borrows(v.shared, v.mutably))
	}
	inner := minInner
	for _, r := range rows {
		inner = max(inner, len(r))
	}
	inner = max(inner, len(title)+4)
	fmt.Fprintf(b, "+-- %s %s+\n", title, strings.Repeat("-", inner-len(title)-2))
	for _, r := range rows {
		fmt.Fprintf(b, "| %-*s |\n", inner, r)
	}
	fmt.Fprintf(b, "+%s+\n", strings.Repeat("-", inner+2))
}

// countsRow shows the counts as users see them, with the implicit weak
// marked apart: it is one unit of the raw weak count that no Weak handle
// owns (I4).
func countsRow(v view) string {
	row := fmt.Sprintf("strong %d   weak %d", v.strong, v.weaks)
	switch {
	case v.implicit:
		row += " (+1 implicit)"
	case v.state != invariants.Freed:
		row += " (implicit released)"
	}
	return row
}

// valueRow says whether the value lives, and what it was once it is gone.
func valueRow(v view, movedOut bool) string {
	switch v.state {
	case invariants.Alive:
		return fmt.Sprintf("value %d (alive)", v.value)
	case invariants.Uninit:
		return "value not built yet"
	case invariants.Dropping:
		return fmt.Sprintf("value being dropped (was %d)", v.value)
	}
	if movedOut {
		return fmt.Sprintf("value moved out (was %d)", v.value)
	}
	return fmt.Sprintf("value dropped (was %d)", v.value)
}

// pointers lists the names pointing at a, strong ones first, then the
// links of nodes that do ("held by: #2.next"). A strong
// name left pointing at a value that is gone (a copy made without Clone
// outlived it) is listed as stale; once a is freed no handle counts for
// it, and unattached lists the names still pointing at it.
func (s *session) pointers(a *allocation, links []holder) string {
	if a.over() {
		return "no handles: freed now, so it leaves the picture"
	}
	var strong, weak, stale []string
	for _, name := range s.sortedNames() {
		h := s.names[name]
		switch {
		case h.ref() != a.ref:
		case h.strong != nil && a.header().State != invariants.Alive:
			stale = append(stale, name)
		case h.strong != nil:
			strong = append(strong, name)
		default:
			weak = append(weak, name)
		}
	}
	var held []string
	for _, l := range links {
		held = append(held, l.label+weakMark(l.weak))
	}
	line := nameGroups(
		nameGroup{"strong", strong, ""},
		nameGroup{"weak", weak, ""},
		nameGroup{"stale", stale, " (strong, but the value is gone)"},
		nameGroup{"held by", held, ""},
	)
	if line == "" {
		return "no handles"
	}
	return line
}

// unattached lists the names that point at no live allocation: dangling
// Weaks, stale handles (left pointing at a freed allocation by a copy made
// without Clone), and handles used up by drop, move or unwrap.
func (s *session) unattached() string {
	var dangling, stale, empty []string
	for _, name := range s.sortedNames() {
		h := s.names[name]
		switch {
		case h.spent != "":
			empty = append(empty, fmt.Sprintf("%s (%s)", name, h.spent))
		case h.weak != nil && h.ref() == observer{}:
			dangling = append(dangling, name)
		default:
			if a := s.find(h.ref()); a != nil && a.over() {
				stale = append(stale, fmt.Sprintf("%s (%s)", name, s.staleNote(a)))
			}
		}
	}
	return nameGroups(
		nameGroup{"dangling", dangling, ""},
		nameGroup{"stale", stale, ""},
		nameGroup{"empty", empty, ""},
	)
}

// nameGroup is one labelled list of names in a line under the picture.
type nameGroup struct {
	label string
	names []string
	note  string // printed after the names, if any
}

// nameGroups draws the groups that have names as "label: a, b note",
// three spaces apart, in the order given, or a group per line when they
// would not fit in Width; "" if none has a name.
func nameGroups(groups ...nameGroup) string {
	var parts []string
	for _, g := range groups {
		if len(g.names) > 0 {
			parts = append(parts, g.label+": "+strings.Join(g.names, ", ")+g.note)
		}
	}
	if line := strings.Join(parts, "   "); len(line) <= Width {
		return line
	}
	return strings.Join(parts, "\n") // a group per line, when one line would wrap
}

// staleNote says where a stale handle points: at freed allocation a, and,
// once a pool has reused a's header, which allocation holds it now.
func (s *session) staleNote(a *allocation) string {
	note := fmt.Sprintf("#%d freed", a.n)
	if now := s.current(a); a.reused() && now != nil {
		note += fmt.Sprintf("; its header was reused for #%d", now.n)
	}
	return note
}

// linkRows draws a node's links: "next -> #2", "parent ~> #1 (Weak)",
// "children -> #2, #3".
func (s *session) linkRows(links []link) []string {
	var rows, children []string
	for _, l := range links {
		if strings.HasPrefix(l.name, "children[") {
			children = append(children, s.target(l))
			continue
		}
		rows = append(rows, s.arrow(l))
	}
	if len(children) > 0 {
		rows = append(rows, "children -> "+strings.Join(children, ", "))
	}
	return rows
}

// arrow draws one link: "next -> #2", or "parent ~> #1 (Weak)" for a Weak.
func (s *session) arrow(l link) string {
	if l.weak {
		return fmt.Sprintf("%s ~> %s (Weak)", l.name, s.target(l))
	}
	return fmt.Sprintf("%s -> %s", l.name, s.target(l))
}

// target names the allocation a link points at: "#2", or "nothing" for a
// dangling Weak.
func (s *session) target(l link) string {
	if a := s.find(l.to); a != nil {
		return fmt.Sprintf("#%d", a.n)
	}
	return "nothing"
}
