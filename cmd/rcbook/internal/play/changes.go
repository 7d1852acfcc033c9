package play

import (
	"fmt"
	"strings"

	"github.com/rcbook/rcbook/invariants"
)

// What a step changed, in words: one line per allocation that changed,
// printed before the picture.

// changes says, one line per allocation, what a step changed, by
// comparing the views before it with the views after.
func (s *session) changes(before, after map[*allocation]view) []string {
	var lines []string
	for _, a := range s.allocs {
		now, shown := after[a]
		if !shown {
			continue
		}
		was, seen := before[a]
		if !seen {
			lines = append(lines, fmt.Sprintf("#%d new: strong %d, weak %d (+1 implicit, I4), value %d",
				a.n, now.strong, now.weaks, now.value))
			if prev := s.previous(a); prev != nil {
				lines = append(lines, fmt.Sprintf("#%d reuses the header of #%d (generation %d)", a.n, prev.n, a.ref.Gen()))
			}
			continue
		}
		if parts := s.describeChange(a, was, now); len(parts) > 0 {
			lines = append(lines, fmt.Sprintf("#%d %s", a.n, strings.Join(parts, ", ")))
		}
	}
	return lines
}

// describeChange names each difference between two views of a, in the
// order the library makes them: counts, then the value and its links and
// borrows, then the implicit weak, then the allocation; last, whether it
// has just been lost.
func (s *session) describeChange(a *allocation, was, now view) []string {
	var parts []string
	if was.strong != now.strong {
		parts = append(parts, fmt.Sprintf("strong %d -> %d", was.strong, now.strong))
	}
	if was.weaks != now.weaks {
		parts = append(parts, fmt.Sprintf("weak %d -> %d", was.weaks, now.weaks))
	}
	alive := func(v view) bool { return v.state == invariants.Alive }
	switch {
	case alive(was) && alive(now):
		if was.value != now.value {
			parts = append(parts, fmt.Sprintf("value %d -> %d", was.value, now.value))
		}
		parts = append(parts, s.linkChanges(was.links, now.links)...)
		if b, c := borrows(was.shared, was.mutably), borrows(now.shared, now.mutably); b != c {
			parts = append(parts, fmt.Sprintf("borrowed %s -> %s", b, c))
		}
	case alive(was) && a.movedOut:
		parts = append(parts, "value moved out (I2)")
	case alive(was):
		parts = append(parts, "value dropped (I2)")
	}
	if was.implicit && !now.implicit {
		parts = append(parts, "implicit weak released (I4)")
	}
	switch {
	case now.state == invariants.Freed && was.state != invariants.Freed:
		parts = append(parts, "allocation freed (I5)")
	case now.state == invariants.Dead && was.state != invariants.Dead:
		parts = append(parts, "kept for "+plural(now.weaks, "Weak")+" (I3)")
	}
	if now.leaked && !was.leaked {
		parts = append(parts, "LEAKED: live, and no name reaches it any more")
	}
	return parts
}

// linkChanges names the links that were set, changed or cleared between
// two views of one node, in the order of the node's links.
func (s *session) linkChanges(was, now []link) []string {
	var parts []string
	for _, l := range now {
		switch old, ok := findLink(was, l.name); {
		case !ok:
			parts = append(parts, s.arrow(l))
		case old != l:
			parts = append(parts, fmt.Sprintf("%s (was %s)", s.arrow(l), s.target(old)))
		}
	}
	for _, l := range was {
		if _, ok := findLink(now, l.name); !ok {
			parts = append(parts, fmt.Sprintf("%s cleared (was %s)", l.name, s.target(l)))
		}
	}
	return parts
}

func findLink(ls []link, name string) (link, bool) {
	for _, l := range ls {
		if l.name == name {
			return l, true
		}
	}
	return link{}, false
}

// borrows says what a cell's flag counts: "none", "1 shared", "mutably".
func borrows(shared int, mutably bool) string {
	switch {
	case mutably:
		return "mutably"
	case shared > 0:
		return fmt.Sprintf("%d shared", shared)
	}
	return "none"
}
