package properties

import (
	"github.com/rcbook/rcbook/invariants/model"
	"github.com/rcbook/rcbook/pool"
)

// Pooled is rcbook's rc and weak with allocations from a pool, seen through
// model.Impl. Handles are the same rc.Rc and weak.Weak as Impl's; only New
// and NewWithCleanup differ, taking their headers from Pool. A small pool
// makes the harness exercise every path: reuse, the heap fallback when the
// pool is empty, and discarding when it is full.
type Pooled struct {
	Impl
	Pool *pool.Pool[model.Value]
}

var _ model.Impl = Pooled{}

// New is pool.New.
func (p Pooled) New(v model.Value) model.Strong {
	s := new(strong)
	s.h = pool.New(p.Pool, v)
	return s
}

// NewWithCleanup is pool.NewWithCleanup.
func (p Pooled) NewWithCleanup(v model.Value, cleanup func(model.Value)) model.Strong {
	s := new(strong)
	s.h = pool.NewWithCleanup(p.Pool, v, cleanup)
	return s
}
