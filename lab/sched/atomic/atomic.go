// Package atomic is sync/atomic's Int64, Uint32 and Uint64 under the lab's
// scheduler: each operation yields to it first (sched.Step), then does the
// real atomic operation, and reports what it read. The lab's rewrite puts
// it in place of sync/atomic in the packages it explores; outside an
// exploration it is sync/atomic with a few checks more.
package atomic

import (
	"sync/atomic"

	"github.com/rcbook/rcbook/lab/sched"
)

func init() { sched.MarkInstrumented() }

// Int64 is atomic.Int64, one step per operation.
type Int64 struct{ v atomic.Int64 }

// Load is atomic.Int64.Load.
func (x *Int64) Load() int64 {
	sched.Step("Load", x)
	n := x.v.Load()
	sched.Observe(n)
	return n
}

// Store is atomic.Int64.Store.
func (x *Int64) Store(n int64) {
	sched.Step("Store", x)
	x.v.Store(n)
	sched.Observe(n)
}

// Swap is atomic.Int64.Swap.
func (x *Int64) Swap(n int64) int64 {
	sched.Step("Swap", x)
	old := x.v.Swap(n)
	sched.Observe(old)
	return old
}

// CompareAndSwap is atomic.Int64.CompareAndSwap.
func (x *Int64) CompareAndSwap(old, n int64) bool {
	sched.Step("CompareAndSwap", x)
	ok := x.v.CompareAndSwap(old, n)
	sched.Observe(ok)
	return ok
}

// Add is atomic.Int64.Add.
func (x *Int64) Add(d int64) int64 {
	sched.Step("Add", x)
	n := x.v.Add(d)
	sched.Observe(n)
	return n
}

// And is atomic.Int64.And.
func (x *Int64) And(mask int64) int64 {
	sched.Step("And", x)
	old := x.v.And(mask)
	sched.Observe(old)
	return old
}

// Or is atomic.Int64.Or.
func (x *Int64) Or(mask int64) int64 {
	sched.Step("Or", x)
	old := x.v.Or(mask)
	sched.Observe(old)
	return old
}

// Uint32 is atomic.Uint32, one step per operation.
type Uint32 struct{ v atomic.Uint32 }

// Load is atomic.Uint32.Load.
func (x *Uint32) Load() uint32 {
	sched.Step("Load", x)
	n := x.v.Load()
	sched.Observe(n)
	return n
}

// Store is atomic.Uint32.Store.
func (x *Uint32) Store(n uint32) {
	sched.Step("Store", x)
	x.v.Store(n)
	sched.Observe(n)
}

// Swap is atomic.Uint32.Swap.
func (x *Uint32) Swap(n uint32) uint32 {
	sched.Step("Swap", x)
	old := x.v.Swap(n)
	sched.Observe(old)
	return old
}

// CompareAndSwap is atomic.Uint32.CompareAndSwap.
func (x *Uint32) CompareAndSwap(old, n uint32) bool {
	sched.Step("CompareAndSwap", x)
	ok := x.v.CompareAndSwap(old, n)
	sched.Observe(ok)
	return ok
}

// Add is atomic.Uint32.Add.
func (x *Uint32) Add(d uint32) uint32 {
	sched.Step("Add", x)
	n := x.v.Add(d)
	sched.Observe(n)
	return n
}

// And is atomic.Uint32.And.
func (x *Uint32) And(mask uint32) uint32 {
	sched.Step("And", x)
	old := x.v.And(mask)
	sched.Observe(old)
	return old
}

// Or is atomic.Uint32.Or.
func (x *Uint32) Or(mask uint32) uint32 {
	sched.Step("Or", x)
	old := x.v.Or(mask)
	sched.Observe(old)
	return old
}

// Uint64 is atomic.Uint64, one step per operation.
type Uint64 struct{ v atomic.Uint64 }

// Load is atomic.Uint64.Load.
func (x *Uint64) Load() uint64 {
	sched.Step("Load", x)
	n := x.v.Load()
	sched.Observe(n)
	return n
}

// Store is atomic.Uint64.Store.
func (x *Uint64) Store(n uint64) {
	sched.Step("Store", x)
	x.v.Store(n)
	sched.Observe(n)
}

// Swap is atomic.Uint64.Swap.
func (x *Uint64) Swap(n uint64) uint64 {
	sched.Step("Swap", x)
	old := x.v.Swap(n)
	sched.Observe(old)
	return old
}

// CompareAndSwap is atomic.Uint64.CompareAndSwap.
func (x *Uint64) CompareAndSwap(old, n uint64) bool {
	sched.Step("CompareAndSwap", x)
	ok := x.v.CompareAndSwap(old, n)
	sched.Observe(ok)
	return ok
}

// Add is atomic.Uint64.Add.
func (x *Uint64) Add(d uint64) uint64 {
	sched.Step("Add", x)
	n := x.v.Add(d)
	sched.Observe(n)
	return n
}

// And is atomic.Uint64.And.
func (x *Uint64) And(mask uint64) uint64 {
	sched.Step("And", x)
	old := x.v.And(mask)
	sched.Observe(old)
	return old
}

// Or is atomic.Uint64.Or.
func (x *Uint64) Or(mask uint64) uint64 {
	sched.Step("Or", x)
	old := x.v.Or(mask)
	sched.Observe(old)
	return old
}

// Int32 is atomic.Int32, one step per operation.
type Int32 struct{ v atomic.Int32 }

// Load is atomic.Int32.Load.
func (x *Int32) Load() int32 {
	sched.Step("Load", x)
	n := x.v.Load()
	sched.Observe(n)
	return n
}

// Store is atomic.Int32.Store.
func (x *Int32) Store(n int32) {
	sched.Step("Store", x)
	x.v.Store(n)
	sched.Observe(n)
}

// Swap is atomic.Int32.Swap.
func (x *Int32) Swap(n int32) int32 {
	sched.Step("Swap", x)
	old := x.v.Swap(n)
	sched.Observe(old)
	return old
}

// CompareAndSwap is atomic.Int32.CompareAndSwap.
func (x *Int32) CompareAndSwap(old, n int32) bool {
	sched.Step("CompareAndSwap", x)
	ok := x.v.CompareAndSwap(old, n)
	sched.Observe(ok)
	return ok
}

// Add is atomic.Int32.Add.
func (x *Int32) Add(d int32) int32 {
	sched.Step("Add", x)
	n := x.v.Add(d)
	sched.Observe(n)
	return n
}

// And is atomic.Int32.And.
func (x *Int32) And(mask int32) int32 {
	sched.Step("And", x)
	old := x.v.And(mask)
	sched.Observe(old)
	return old
}

// Or is atomic.Int32.Or.
func (x *Int32) Or(mask int32) int32 {
	sched.Step("Or", x)
	old := x.v.Or(mask)
	sched.Observe(old)
	return old
}
