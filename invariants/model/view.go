package model

import "slices"

// A session's views let a tool outside this package compare it with a third
// party step by step: the verification lab replays a session's steps on
// Rust's std (lab/rust.go) and compares what Rust shows with what the model
// expects (Expected) and what the implementation shows (Seen). Taken names
// the steps the way the session's trace does, so that the replay can use
// the same handle names.

// Named is one step a session took, with the names of the handles it used
// and made, as in the session's trace.
type Named struct {
	Step
	// Made is the handle the step made, if it makes one: "s3", "w4". A
	// failed Upgrade and a NewCyclic whose build panicked use up a name too.
	Made    string
	Escaped string // NewCyclic with Escape: the Weak build kept
	NameI   string // handle I, for the steps that use one
	NameJ   string // handle J, for PtrEq and WeakPtrEq
	Value   int    // New, NewWithCleanup, NewCyclic: the ID of the value made
}

// Taken lists the steps the session took, in order, with their names.
func (s *Session) Taken() []Named {
	named := make([]Named, len(s.m.trace))
	for i, k := range s.m.trace {
		named[i] = Named{Step: k.step, Made: k.made, Escaped: k.escaped, NameI: k.ni, NameJ: k.nj}
		if k.step.Op <= OpNewCyclic {
			named[i].Value = k.id
		}
	}
	return named
}

// HandleView is one handle as seen from outside: what its StrongCount and
// WeakCount say, and for a strong handle the value Get shows.
type HandleView struct {
	Name           string // as in the trace: "s1", "w3"
	Strong, Weak   int
	Value, Payload int // strong handles only: the ID and payload of the value
}

// Answer is what the last step returned, for the steps that return
// something; the fields a step does not use are zero.
type Answer struct {
	// Upgrade and GetMut: a handle or a view came back. TryUnwrap and
	// IntoInner: the value did. PtrEq and WeakPtrEq: the two are equal.
	OK             bool
	Value, Payload int  // TryUnwrap and IntoInner: the value handed back
	Panicked       bool // Drop: the destructor's panic reached the caller; NewCyclic: build's did
	// NewCyclic: what build saw through the Weak it was lent, before the
	// value existed.
	BuildStrong, BuildWeak int
	BuildUpgraded          bool
}

// View is what a session shows after a step.
type View struct {
	Handles     []HandleView // the strong handles held, then the Weaks, in the session's order
	Answer      Answer       // the last step's
	Drops       map[int]int  // destructor runs so far, by value ID
	Cleanups    map[int]int  // NewWithCleanup cleanup runs so far, by value ID
	Resurrected []int        // values whose destructor upgraded a Weak to their own allocation
	Live        int          // allocations that exist
}

// Expected is what the model says the session's handles show now, by the
// rules the session checks them with.
func (s *Session) Expected() View {
	m := s.m
	v := View{Answer: m.want, Drops: map[int]int{}, Cleanups: map[int]int{}, Live: m.model.LiveAllocs()}
	for _, h := range m.strongs {
		a := m.model.Allocs[h.alloc]
		hv := HandleView{Name: h.name, Strong: a.Strong, Weak: a.Weak, Value: a.Value}
		if val, ok := m.model.Values[a.Value]; ok {
			hv.Value, hv.Payload = val.ID, val.Payload
		}
		v.Handles = append(v.Handles, hv)
	}
	for _, w := range m.weaks {
		strong, weak := m.weakCounts(w.alloc)
		v.Handles = append(v.Handles, HandleView{Name: w.name, Strong: strong, Weak: weak})
	}
	for _, val := range m.model.Values {
		if val.Fate == Dropped {
			v.Drops[val.ID]++ // equal values (twins) share an ID
			if val.Cleanup {
				v.Cleanups[val.ID]++
			}
		}
	}
	return v
}

// Seen is what the implementation's handles show now. It asks the handles
// themselves, so it panics if the implementation does.
func (s *Session) Seen() View {
	m := s.m
	v := View{Answer: m.got, Drops: copyCounts(m.log.Drops), Cleanups: copyCounts(m.log.Cleanups),
		Resurrected: slices.Clone(m.log.Resurrected), Live: m.impl.LiveAllocations() - m.base}
	for _, h := range m.strongs {
		hv := HandleView{Name: h.name, Strong: h.h.StrongCount(), Weak: h.h.WeakCount()}
		if !h.h.IsEmpty() {
			val := h.h.Get()
			hv.Value, hv.Payload = val.ID, val.Payload
		}
		v.Handles = append(v.Handles, hv)
	}
	for _, w := range m.weaks {
		v.Handles = append(v.Handles, HandleView{Name: w.name, Strong: w.h.StrongCount(), Weak: w.h.WeakCount()})
	}
	return v
}

func copyCounts(c map[int]int) map[int]int {
	out := make(map[int]int, len(c))
	for id, n := range c {
		if n != 0 {
			out[id] = n
		}
	}
	return out
}
