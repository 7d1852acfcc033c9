package play

import (
	"fmt"
	"strings"

	"github.com/rcbook/rcbook/cell"
	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rc"
)

// allocation is one allocation the session has made, numbered in the
// order made. play keeps every one, even freed, so that numbers are never
// reused and a freed header is never mistaken for a new one. A header that
// a pool hands out again is a new allocation: the ref's generation differs.
type allocation struct {
	n   int
	ref observer // the allocation: its header, in the generation it was made in
	// cell is the cell inside the allocation, as Get returned it when play
	// numbered the allocation. play reads it only while ref says the value
	// is alive, and only through a borrow.
	cell *nodeCell
	// writer is the learner's RefMut of cell while one is live: the cell
	// then grants no other borrow, so play reads the node through it.
	writer *cell.RefMut[node]
	// movedOut records that the value left by TryUnwrap or MakeMut rather
	// than being dropped; the header cannot tell the two apart.
	movedOut bool
	last     int  // the value when last seen alive, drawn as "was N" once it is gone
	retired  bool // freed and drawn once: no longer in the picture
}

// view is what an allocation looked like at one moment, in the terms the
// picture uses.
type view struct {
	strong   int
	weaks    int  // Weak handles, as WeakCount shows them while the value lives
	implicit bool // the strong handles still hold the implicit weak (I4)
	state    invariants.State
	value    int    // the live value, or the last one seen
	links    []link // the handles the node holds, while it is alive
	shared   int    // the cell's live shared borrows
	mutably  bool   // a RefMut of the cell is live
	leaked   bool   // live, and no name reaches it (see session.reached)
}

// view reads the header, and the node while it lives. The raw weak count
// includes the implicit weak while the value is alive (and while it is
// built or being dropped), so one is taken off to count only Weak handles
// (I4).
//
// Once a pool has reused the header, it holds a later allocation: a is then
// seen as freed, with its last value, and never with the new life's data.
func (a *allocation) view() view {
	if a.reused() {
		return view{state: invariants.Freed, value: a.last}
	}
	h := a.header()
	v := view{strong: h.Strong, weaks: h.Weak, state: h.State, value: a.last}
	switch h.State {
	case invariants.Uninit, invariants.Alive, invariants.Dropping:
		v.implicit = true
		v.weaks-- // the implicit weak is no Weak handle (I4)
	}
	if a.alive() {
		v.shared, v.mutably = a.cell.Borrows() // before read borrows it too
		a.read(func(n *node) {
			v.value, a.last = n.value, n.value
			v.links = links(n)
		})
	}
	return v
}

// read calls f with a's node if its value is alive, through a shared borrow
// of the cell, or through the learner's RefMut while one is live. It
// reports whether it could.
func (a *allocation) read(f func(n *node)) bool {
	if !a.alive() {
		return false
	}
	if a.writer != nil {
		f(a.writer.Get())
		return true
	}
	r, ok := a.cell.TryBorrow()
	if !ok {
		return false // a RefMut play does not know of: none should exist
	}
	defer r.Release()
	f(r.Get())
	return true
}

// header reads a's header as it is now, through the library's Observer:
// the raw counts, the state and the generation the header is in.
func (a *allocation) header() invariants.Header {
	h, _ := a.ref.Header()
	return h
}

// reused reports whether a pool has handed a's header out again since a
// was made, so that the header now belongs to a later allocation.
func (a *allocation) reused() bool { return a.header().Gen != a.ref.Gen() }

// alive reports whether a's value is alive: only then is there a node in
// a's cell to read.
func (a *allocation) alive() bool { return !a.reused() && a.header().State == invariants.Alive }

// over reports whether a's life has ended: freed, and perhaps reused.
func (a *allocation) over() bool { return a.reused() || a.header().State == invariants.Freed }

// find returns the allocation r names, or nil if play has not seen it.
func (s *session) find(r observer) *allocation {
	for _, a := range s.allocs {
		if a.ref == r {
			return a
		}
	}
	return nil
}

// track returns the allocation strong handle r points at, numbering it if
// it is new. Identity is the header and its generation, so a header reused
// by a pool is numbered again, as the new allocation it is. A new
// allocation's node learns its number, through the cell's mutable borrow.
func (s *session) track(r *rc.Rc[nodeCell]) *allocation {
	if a := s.find(r.Observe()); a != nil || r.IsEmpty() {
		return a
	}
	a := &allocation{n: len(s.allocs) + 1, ref: r.Observe(), cell: r.Get()}
	s.allocs = append(s.allocs, a)
	if m, ok := a.cell.TryBorrowMut(); ok {
		m.Get().n = a.n
		m.Release()
	}
	a.view() // remember the value
	return a
}

// trackHandles numbers every allocation a strong name points at. Every
// new allocation is reached first through a strong name (new, pnew,
// MakeMut), so this finds them all; links only ever hold clones.
func (s *session) trackHandles() {
	for _, name := range s.sortedNames() {
		if h := s.names[name]; h.strong != nil {
			s.track(h.strong)
		}
	}
}

// previous returns the allocation that last held a's header before a, or
// nil if a is the header's first allocation that play has seen.
func (s *session) previous(a *allocation) *allocation {
	var prev *allocation
	for _, b := range s.allocs[:a.n-1] {
		if b.ref.SameHeader(a.ref) {
			prev = b
		}
	}
	return prev
}

// current returns the allocation that holds a's header now, or nil if
// play has not seen it: a itself, or a later allocation a pool reused the
// header for.
func (s *session) current(a *allocation) *allocation {
	gen := a.header().Gen
	for _, b := range s.allocs {
		if b.ref.SameHeader(a.ref) && b.ref.Gen() == gen {
			return b
		}
	}
	return nil
}

// views returns how every allocation in the picture looks now, leaks
// included.
func (s *session) views() map[*allocation]view {
	views := map[*allocation]view{}
	for _, a := range s.allocs {
		if !a.retired {
			views[a] = a.view()
		}
	}
	reached := s.reached(views)
	for a, v := range views {
		v.leaked = !reached[a] && v.state != invariants.Freed
		views[a] = v
	}
	return views
}

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

// retireFreed takes the allocations freed in this step out of the
// picture: each freed allocation is drawn once, in the step that frees it.
func (s *session) retireFreed() {
	for _, a := range s.allocs {
		if a.over() {
			a.retired = true
		}
	}
}
