package model

// Model is the reference: what Rust's Rc and Weak do, written as plainly as
// possible. Allocations and values are indexed by position and ID.
type Model struct {
	Allocs []Alloc
	Values map[int]*ValueState
}

// Alloc is one allocation as the model sees it.
type Alloc struct {
	Strong int // strong handles
	Weak   int // Weak handles; the implicit weak is not a handle (I4)
	Value  int // ID of the value inside, or -1: not built yet, dropped, or moved out
}

// Live reports whether the allocation still exists: strong + weak > 0 (I3).
// The implicit weak needs no term of its own: it is held exactly while
// strong > 0.
func (a Alloc) Live() bool { return a.Strong+a.Weak > 0 }

// Fate is what has become of a value.
type Fate int

// The fates of a value.
const (
	InUse   Fate = iota // inside an allocation, strong > 0
	Dropped             // its destructor ran
	Taken               // TryUnwrap or IntoInner gave it to the caller
)

// ValueState is one value as the model sees it.
type ValueState struct {
	// ID is the ID the value shows (Value.ID): its own key in Values, or
	// for a twin (Step.Twin) the ID of the value it is equal to.
	ID        int
	Alloc     int  // the allocation it lives in while InUse
	SelfAlloc int  // the allocation its Self Weak points at, or -1
	Payload   int  // what Get must show
	Cleanup   bool // made by NewWithCleanup: the cleanup must run when it drops
	Panics    bool // its destructor panics
	// CleanupPanics: its cleanup panics (after counting its run).
	CleanupPanics bool
	Twin          bool // equal to another value (Step.Twin)
	Fate          Fate
}

// NewModel returns an empty model.
func NewModel() *Model { return &Model{Values: map[int]*ValueState{}} }

// LiveAllocs counts the allocations that must still exist (I3).
func (m *Model) LiveAllocs() int {
	n := 0
	for _, a := range m.Allocs {
		if a.Live() {
			n++
		}
	}
	return n
}

// Alloc adds an allocation holding value id, with one strong handle.
func (m *Model) Alloc(id int) int {
	m.Allocs = append(m.Allocs, Alloc{Strong: 1, Value: id})
	m.Values[id].Alloc = len(m.Allocs) - 1
	return len(m.Allocs) - 1
}

// Clone adds a strong handle to allocation a.
func (m *Model) Clone(a int) { m.Allocs[a].Strong++ }

// DropStrong removes a strong handle from a and reports whether that was the
// last one, so that the value was dropped. Its destructor drops its Self Weak.
func (m *Model) DropStrong(a int) (dropped bool) {
	m.Allocs[a].Strong--
	if m.Allocs[a].Strong > 0 {
		return false
	}
	v := m.Values[m.Allocs[a].Value]
	v.Fate = Dropped
	m.Allocs[a].Value = -1
	if v.SelfAlloc >= 0 {
		m.Allocs[v.SelfAlloc].Weak--
	}
	return true
}

// Downgrade adds a Weak handle to a.
func (m *Model) Downgrade(a int) { m.Allocs[a].Weak++ }

// DropWeak removes a Weak handle from a.
func (m *Model) DropWeak(a int) { m.Allocs[a].Weak-- }

// Upgrade adds a strong handle if the value is alive (I7).
func (m *Model) Upgrade(a int) bool {
	if m.Allocs[a].Strong == 0 {
		return false
	}
	m.Allocs[a].Strong++
	return true
}

// Unique reports whether GetMut may hand out a mutable view (I6).
func (m *Model) Unique(a int) bool { return m.Allocs[a].Strong == 1 && m.Allocs[a].Weak == 0 }

// MakeMutKind is what MakeMut must do.
type MakeMutKind int

// The three cases of MakeMut.
const (
	InPlace  MakeMutKind = iota // unique: mutate in place
	CloneOut                    // other strong handles: clone into a new allocation
	MoveOut                     // only Weaks: move the value to a new allocation
)

// MakeMutCase says which case of MakeMut applies to a.
func (m *Model) MakeMutCase(a int) MakeMutKind {
	switch {
	case m.Allocs[a].Strong != 1:
		return CloneOut
	case m.Allocs[a].Weak != 0:
		return MoveOut
	}
	return InPlace
}

// MoveValue moves a's value to a new allocation, leaving a to its Weaks,
// and returns the new allocation.
func (m *Model) MoveValue(a int) int {
	id := m.Allocs[a].Value
	m.Allocs[a].Strong, m.Allocs[a].Value = 0, -1
	return m.Alloc(id)
}

// Take gives a's value to the caller: strong 1 → 0, no destructor.
func (m *Model) Take(a int) int {
	id := m.Allocs[a].Value
	m.Allocs[a].Strong, m.Allocs[a].Value = 0, -1
	m.Values[id].Fate = Taken
	return id
}
