// Package sync is sync.Mutex under the lab's scheduler: Lock and Unlock
// each yield to it first, and a Lock of a held mutex blocks the thread in
// the scheduler, not in the runtime, so that the scheduler always knows
// who can go on. The lab's rewrite puts it in place of sync in the packages
// it explores; outside an exploration it is a sync.Mutex.
package sync

import (
	"sync"

	"github.com/rcbook/rcbook/lab/sched"
)

func init() { sched.MarkInstrumented() }

// Mutex is sync.Mutex, one step per Lock and Unlock.
type Mutex struct {
	real   sync.Mutex // outside an exploration
	locked bool       // inside one: only one thread runs at a time
}

// Lock is sync.Mutex.Lock.
func (m *Mutex) Lock() {
	if !sched.LockStep(m, func() bool { return !m.locked }) {
		m.real.Lock()
		return
	}
	m.locked = true
}

// Unlock is sync.Mutex.Unlock.
func (m *Mutex) Unlock() {
	if !sched.UnlockStep(m) {
		m.real.Unlock()
		return
	}
	if !m.locked {
		panic("sync: unlock of unlocked mutex")
	}
	m.locked = false
}
