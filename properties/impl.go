package properties

import (
	"github.com/rcbook/rcbook/internal/rcbox"
	"github.com/rcbook/rcbook/invariants/model"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/weak"
)

// Impl is rcbook's rc and weak, seen through model.Impl.
type Impl struct{}

var _ model.Impl = Impl{}

// New is rc.New.
func (Impl) New(v model.Value) model.Strong {
	s := new(strong)
	s.h = rc.New(v)
	return s
}

// NewWithCleanup is rc.NewWithCleanup.
func (Impl) NewWithCleanup(v model.Value, cleanup func(model.Value)) model.Strong {
	s := new(strong)
	s.h = rc.NewWithCleanup(v, cleanup)
	return s
}

// NewCyclic is weak.NewCyclic. The Weak handed to build is on loan, so it is
// wrapped by pointer: Clone and Move work on the original.
func (Impl) NewCyclic(build func(self model.Weak) model.Value) model.Strong {
	s := new(strong)
	s.h = weak.NewCyclic(func(self *weak.Weak[model.Value]) model.Value {
		return build(&weakHandle{w: self})
	})
	return s
}

// Dangling is weak.New.
func (Impl) Dangling() model.Weak { return &weakHandle{w: new(weak.Weak[model.Value])} }

// LiveAllocations is rc.LiveAllocations.
func (Impl) LiveAllocations() int { return rc.LiveAllocations() }

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

// RawCounts and SetRawCounts let the harness's overflow probe reach the
// header (model.CountSetter).
func (s *strong) RawCounts() (int, int) {
	b := s.h.Header(rcbox.Bridge)
	return b.Strong, b.Weak
}

func (s *strong) SetRawCounts(strong, weak int) { s.h.Header(rcbox.Bridge).SetCounts(strong, weak) }

func (s *strong) Downgrade() model.Weak {
	w := &weakHandle{w: new(weak.Weak[model.Value])}
	*w.w = weak.Downgrade(&s.h)
	return w
}

// weakHandle holds its Weak by pointer so that it can also stand for the
// Weak NewCyclic lends to build.
type weakHandle struct{ w *weak.Weak[model.Value] }

func (w *weakHandle) Upgrade() (model.Strong, bool) {
	s := new(strong)
	var ok bool
	s.h, ok = w.w.Upgrade()
	return s, ok
}

func (w *weakHandle) Clone() model.Weak {
	n := &weakHandle{w: new(weak.Weak[model.Value])}
	*n.w = w.w.Clone()
	return n
}

func (w *weakHandle) Move() model.Weak {
	n := &weakHandle{w: new(weak.Weak[model.Value])}
	*n.w = w.w.Move()
	return n
}

func (w *weakHandle) Drop()                   { w.w.Drop() }
func (w *weakHandle) StrongCount() int        { return w.w.StrongCount() }
func (w *weakHandle) WeakCount() int          { return w.w.WeakCount() }
func (w *weakHandle) PtrEq(o model.Weak) bool { return weak.PtrEq(w.w, o.(*weakHandle).w) }
