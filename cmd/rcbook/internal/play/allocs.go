package play

import (
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

// retireFreed takes the allocations freed in this step out of the
// picture: each freed allocation is drawn once, in the step that frees it.
func (s *session) retireFreed() {
	for _, a := range s.allocs {
		if a.over() {
			a.retired = true
		}
	}
}
