package lab

import (
	"reflect"

	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/invariants/model"
	"github.com/rcbook/rcbook/rc"
)

// Rc is rcbook's package rc seen through model.Impl: rc.Rc and rc.Weak of
// model.Value, so that the reference model, the rapid state machine and
// the explorer can drive them. With Pool set, New and NewWithCleanup take
// their headers from it; a small pool makes the harness exercise every
// path of a pool: reuse, the heap when it is empty, the collector when it
// is full.
type Rc struct {
	Pool *rc.Pool[model.Value] // nil: headers from the heap, as rc.New
}

var (
	_ model.Impl        = Rc{}
	_ model.StaleCopier = Rc{}
)

// UncountedCopy copies the rc.Rc behind s as `c := *h` would, without
// Clone: the copy is counted nowhere. It is how the harness makes the stale
// handles its misuse steps use (model.StaleCopier).
func (Rc) UncountedCopy(s model.Strong) model.Strong {
	return &strong{h: uncounted(&s.(*strong).h)}
}

// UncountedWeakCopy is UncountedCopy for a Weak.
func (Rc) UncountedWeakCopy(w model.Weak) model.Weak {
	c := uncounted(w.(*weakHandle).w)
	return &weakHandle{w: &c}
}

// uncounted returns a copy of *h made field by field, as an assignment
// would. It goes through reflect because go vet rightly reports the
// assignment: handles must not be copied, and this copy is the misuse the
// header checks must catch.
func uncounted[H any](h *H) H {
	var c H
	reflect.ValueOf(&c).Elem().Set(reflect.ValueOf(h).Elem())
	return c
}

// New is rc.New, or Pool.New.
func (i Rc) New(v model.Value) model.Strong {
	s := new(strong)
	if i.Pool != nil {
		s.h = i.Pool.New(v)
	} else {
		s.h = rc.New(v)
	}
	return s
}

// NewWithCleanup is rc.NewWithCleanup, or Pool.NewWithCleanup.
func (i Rc) NewWithCleanup(v model.Value, cleanup func(model.Value)) model.Strong {
	s := new(strong)
	if i.Pool != nil {
		s.h = i.Pool.NewWithCleanup(v, cleanup)
	} else {
		s.h = rc.NewWithCleanup(v, cleanup)
	}
	return s
}

// NewCyclic is rc.NewCyclic. The Weak handed to build is on loan, so it is
// wrapped by pointer: Clone and Move work on the original.
func (Rc) NewCyclic(build func(self model.Weak) model.Value) model.Strong {
	s := new(strong)
	s.h = rc.NewCyclic(func(self *rc.Weak[model.Value]) model.Value {
		return build(&weakHandle{w: self})
	})
	return s
}

// Dangling is rc.NewWeak.
func (Rc) Dangling() model.Weak { return &weakHandle{w: new(rc.Weak[model.Value])} }

// LiveAllocations is rc.LiveAllocations, which in checked builds counts
// Pool's allocations too. With -tags rcrelease a pool counts its own
// allocations only (rc.Pool.Live), so they are added here.
func (i Rc) LiveAllocations() int {
	n := rc.LiveAllocations()
	if i.Pool != nil && !invariants.Enabled {
		n += i.Pool.Live()
	}
	return n
}

// RcOf returns the rc.Rc behind a strong handle that Rc made, so that a
// test can reach further into it than model.Strong goes.
func RcOf(s model.Strong) *rc.Rc[model.Value] { return &s.(*strong).h }

type strong struct{ h rc.Rc[model.Value] }

func (s *strong) Clone() model.Strong {
	n := new(strong)
	n.h = s.h.Clone()
	return n
}

func (s *strong) Move() model.Strong {
	n := new(strong)
	n.h = s.h.Move()
	return n
}

func (s *strong) Drop()                                                { s.h.Drop() }
func (s *strong) Get() *model.Value                                    { return s.h.Get() }
func (s *strong) GetMut() (*model.Value, bool)                         { return s.h.GetMut() }
func (s *strong) MakeMut(c func(model.Value) model.Value) *model.Value { return s.h.MakeMut(c) }
func (s *strong) TryUnwrap() (model.Value, bool)                       { return s.h.TryUnwrap() }
func (s *strong) IntoInner() (model.Value, bool)                       { return s.h.IntoInner() }
func (s *strong) StrongCount() int                                     { return s.h.StrongCount() }
func (s *strong) WeakCount() int                                       { return s.h.WeakCount() }
func (s *strong) IsEmpty() bool                                        { return s.h.IsEmpty() }
func (s *strong) PtrEq(o model.Strong) bool                            { return rc.PtrEq(&s.h, &o.(*strong).h) }

func (s *strong) Downgrade() model.Weak {
	w := &weakHandle{w: new(rc.Weak[model.Value])}
	*w.w = rc.Downgrade(&s.h)
	return w
}

// weakHandle holds its Weak by pointer so that it can also stand for the
// Weak NewCyclic lends to build.
type weakHandle struct{ w *rc.Weak[model.Value] }

func (w *weakHandle) Upgrade() (model.Strong, bool) {
	s := new(strong)
	var ok bool
	s.h, ok = w.w.Upgrade()
	return s, ok
}

func (w *weakHandle) Clone() model.Weak {
	n := &weakHandle{w: new(rc.Weak[model.Value])}
	*n.w = w.w.Clone()
	return n
}

func (w *weakHandle) Move() model.Weak {
	n := &weakHandle{w: new(rc.Weak[model.Value])}
	*n.w = w.w.Move()
	return n
}

func (w *weakHandle) Drop()                   { w.w.Drop() }
func (w *weakHandle) StrongCount() int        { return w.w.StrongCount() }
func (w *weakHandle) WeakCount() int          { return w.w.WeakCount() }
func (w *weakHandle) PtrEq(o model.Weak) bool { return rc.WeakPtrEq(w.w, o.(*weakHandle).w) }
