//go:build rctrace

package trace

import (
	"fmt"

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

// Mark is the field a handle carries to remember where it was emptied,
// and the History of the allocation it pointed to.
type Mark struct {
	e *Event
	h *History
}

// Set records that the handle is being emptied because of why, by its
// caller's caller's line; l is the Log of the allocation it pointed to,
// nil for a dangling Weak.
func (m *Mark) Set(why invariants.Spent, l *Log) {
	e := &Event{What: emptied(why)}
	e.record(1)
	m.e, m.h = e, nil
	if l != nil {
		m.h = l.h
	}
}

// String says where the handle was emptied, then its allocation's history.
func (m *Mark) String() string {
	if m.e == nil {
		return "\tthis handle never held an allocation"
	}
	s := fmt.Sprintf("\tthis handle was %s by %s at %s", m.e.What, m.e.Op(), m.e.Site())
	if m.h != nil {
		s += "\n" + m.h.String()
	}
	return s
}
