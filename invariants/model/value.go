package model

import "errors"

// Value is what the harness stores in every allocation. Its Drop method
// (so it implements rc.Dropper) writes to the harness's destructor log and
// behaves like a demanding real destructor: it tries to upgrade its Self
// Weak, which must fail when Self points at the allocation being dropped
// (I7), then drops that Weak from inside the destructor (re-entrancy), and
// may finally panic.
type Value struct {
	ID      int  // identity: every value the harness makes or clones gets a new one
	Payload int  // written through GetMut and MakeMut, read back through Get
	Self    Weak // a Weak to the allocation the value was built in (NewCyclic), or nil
	OwnSelf bool // Self points at the allocation the value is in now (until MakeMut moves or clones it)
	Panics  bool // the destructor panics once its work is done
	log     *Log
}

// ErrDestructorPanic is the panic value of a Value whose Panics is set.
var ErrDestructorPanic = errors.New("model: destructor panicked on purpose")

// Drop is the value's destructor.
func (v *Value) Drop() {
	v.log.Drops[v.ID]++
	if v.Self != nil {
		if s, ok := v.Self.Upgrade(); ok {
			if v.OwnSelf {
				v.log.Resurrected = append(v.log.Resurrected, v.ID)
			}
			s.Drop()
		}
		v.Self.Drop()
		v.Self = nil
	}
	if v.Panics {
		panic(ErrDestructorPanic)
	}
}

// Log records what destructors did, by value ID.
type Log struct {
	Drops       map[int]int // Value.Drop calls
	Cleanups    map[int]int // NewWithCleanup cleanup calls
	Resurrected []int       // values whose destructor managed to upgrade their own Weak
}

func newLog() *Log {
	return &Log{Drops: map[int]int{}, Cleanups: map[int]int{}}
}
