//go:build rctrace

package trace

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/rcbook/rcbook/invariants"
)

// Enabled reports whether tracing is compiled in (-tags rctrace).
const Enabled = true

// Log is the field an allocation's header carries for its History. The
// goroutine that makes the allocation writes its first event before anyone
// else can see it, so the History exists before it is shared.
type Log struct{ h *History }

// Note records a change of the allocation: the counts and state it left,
// and the callers of Note's caller.
func (l *Log) Note(strong, weak int64, state invariants.State) {
	if l.h == nil {
		l.h = new(History)
	}
	e := Event{Strong: strong, Weak: weak, State: state}
	e.record(1)
	l.h.add(&e)
}

// History returns the allocation's History, or nil before its first event.
func (l *Log) History() *History { return l.h }

// String is the History's, or "" before the first event.
func (l *Log) String() string {
	if l.h == nil {
		return ""
	}
	return l.h.String()
}

// Mark is the field a handle with room for it (arc's) carries: the number
// of the record Spend made when the handle was emptied.
type Mark struct{ rec uint32 }

// Set records that the handle is being emptied because of why, by its
// caller's caller's line; l is the Log of the allocation it pointed to,
// nil for a dangling Weak.
func (m *Mark) Set(why invariants.Spent, l *Log) { m.rec = spend(emptied(why), l, 1) }

// Record is the number of the record Set made, 0 if none.
func (m *Mark) Record() uint32 { return m.rec }

// Spend records that a handle is being emptied because of why, by its
// caller's caller's line, and returns the record's number for the handle
// to keep. l is the Log of the allocation it pointed to, nil for a
// dangling Weak. A handle with no room for a Mark keeps the number in a
// field that means nothing once it is empty (rc keeps it in its
// generation).
func Spend(why invariants.Spent, l *Log) uint32 { return spend(emptied(why), l, 1) }

// Released records that a refcount handle is being released, by its
// caller's caller's line, and returns the record's number.
func Released() uint32 { return spend("released", nil, 1) }

// Kept is how many records of emptied handles are kept: a handle emptied
// longer ago than that many others can no longer say where.
const Kept = 1 << 14

// trail is where one handle was emptied.
type trail struct {
	rec uint32
	at  Event
	h   *History
}

var trails struct {
	mu   sync.Mutex
	last uint32
	ring [Kept]*trail
}

func spend(what string, l *Log, skip int) uint32 {
	t := &trail{at: Event{What: what}}
	t.at.record(skip + 1)
	if l != nil {
		t.h = l.h
	}
	trails.mu.Lock()
	defer trails.mu.Unlock()
	trails.last++
	if trails.last == 0 { // wrapped: 0 means no record
		trails.last++
	}
	t.rec = trails.last
	trails.ring[t.rec%Kept] = t
	return t.rec
}

// Trail says where the handle of record rec was emptied, then its
// allocation's history.
func Trail(rec uint32) string {
	trails.mu.Lock()
	t := trails.ring[rec%Kept]
	trails.mu.Unlock()
	switch {
	case rec == 0:
		return "\tthis handle never held an allocation"
	case t == nil || t.rec != rec:
		return fmt.Sprintf("\twhere this handle was emptied is forgotten: more than %d handles were emptied since", Kept)
	}
	s := fmt.Sprintf("\tthis handle was %s by %s at %s", t.at.What, t.at.Op(), t.at.Site())
	if t.h != nil {
		s += "\n" + t.h.String()
	}
	return s
}

// record fills e's callers, skipping skip frames above record's caller.
func (e *Event) record(skip int) { runtime.Callers(skip+2, e.pcs[:]) }

// add records e: as the first event if it is, as the free if it frees.
func (h *History) add(e *Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.begun {
		h.made, h.begun = *e, true
	}
	h.ring[h.n%Keep] = *e
	h.n++
	if e.State == invariants.Freed {
		freed := *e
		h.freed = &freed
	}
}

// emptied says what happened to a handle that is empty because of why.
func emptied(why invariants.Spent) string {
	switch why {
	case invariants.Dropped:
		return "dropped"
	case invariants.Moved:
		return "moved out"
	case invariants.Unwrapped:
		return "consumed"
	}
	return "emptied"
}
