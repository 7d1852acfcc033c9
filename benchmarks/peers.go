package benchmarks

import (
	"sync"
	"sync/atomic"
)

// plainBox is the smallest honest reference count: a strong count, the
// value, an increment on clone, a decrement and a zero test on drop.
type plainBox struct {
	strong int
	value  int
}

type plainHandle struct{ box *plainBox }

func newPlain(v int) plainHandle { return plainHandle{&plainBox{strong: 1, value: v}} }

func (h *plainHandle) clone() plainHandle {
	h.box.strong++
	return plainHandle{h.box}
}

func (h *plainHandle) drop() {
	b := h.box
	h.box = nil
	b.strong--
	if b.strong == 0 {
		b.dropSlow()
	}
}

//go:noinline
func (b *plainBox) dropSlow() { b.value = 0 }

// atomicBox is plainBox with an atomic count, as an Arc keeps it.
type atomicBox struct {
	strong atomic.Int64
	value  int
}

type atomicHandle struct{ box *atomicBox }

func newAtomic(v int) atomicHandle {
	b := &atomicBox{value: v}
	b.strong.Store(1)
	return atomicHandle{b}
}

func (h *atomicHandle) clone() atomicHandle {
	h.box.strong.Add(1)
	return atomicHandle{h.box}
}

func (h *atomicHandle) drop() {
	b := h.box
	h.box = nil
	if b.strong.Add(-1) == 0 {
		b.dropSlow()
	}
}

//go:noinline
func (b *atomicBox) dropSlow() { b.value = 0 }

// mutexBox guards the count with a sync.Mutex.
type mutexBox struct {
	mu     sync.Mutex
	strong int
	value  int
}

type mutexHandle struct{ box *mutexBox }

func newMutex(v int) mutexHandle { return mutexHandle{&mutexBox{strong: 1, value: v}} }

func (h *mutexHandle) clone() mutexHandle {
	h.box.mu.Lock()
	h.box.strong++
	h.box.mu.Unlock()
	return mutexHandle{h.box}
}

func (h *mutexHandle) drop() {
	b := h.box
	h.box = nil
	b.mu.Lock()
	b.strong--
	last := b.strong == 0
	b.mu.Unlock()
	if last {
		b.dropSlow()
	}
}

//go:noinline
func (b *mutexBox) dropSlow() { b.value = 0 }
