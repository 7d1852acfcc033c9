package capstone

import "github.com/rcbook/rcbook/invariants/model"

// Impl is your Rc and Weak, seen through model.Impl: the adapter the
// harness drives. It is lab/impl.go written against this package's
// types, and you do not need to change it. It does not implement
// model.CountSetter, so the harness skips its overflow probe (I1).
type Impl struct{}

var _ model.Impl = Impl{}

// New calls this package's New.
func (Impl) New(v model.Value) model.Strong {
	s := new(strong)
	s.h = New(v)
	return s
}

// NewWithCleanup calls NewWithCleanup.
func (Impl) NewWithCleanup(v model.Value, cleanup func(model.Value)) model.Strong {
	s := new(strong)
	s.h = NewWithCleanup(v, cleanup)
	return s
}

// NewCyclic calls NewCyclic. The Weak handed to build is on loan, so it is
// wrapped by pointer: Clone and Move work on the original.
func (Impl) NewCyclic(build func(self model.Weak) model.Value) model.Strong {
	s := new(strong)
	s.h = NewCyclic(func(self *Weak[model.Value]) model.Value {
		return build(&weakHandle{w: self})
	})
	return s
}

// Dangling calls Dangling.
func (Impl) Dangling() model.Weak {
	w := &weakHandle{w: new(Weak[model.Value])}
	*w.w = Dangling[model.Value]()
	return w
}

// LiveAllocations calls LiveAllocations.
func (Impl) LiveAllocations() int { return LiveAllocations() }

type strong struct{ h Rc[model.Value] }

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

func (s *strong) Downgrade() model.Weak {
	w := &weakHandle{w: new(Weak[model.Value])}
	*w.w = s.h.Downgrade()
	return w
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
func (s *strong) PtrEq(o model.Strong) bool                            { return s.h.PtrEq(&o.(*strong).h) }

// weakHandle holds its Weak by pointer so that it can also stand for the
// Weak NewCyclic lends to build.
type weakHandle struct{ w *Weak[model.Value] }

func (w *weakHandle) Upgrade() (model.Strong, bool) {
	s := new(strong)
	var ok bool
	s.h, ok = w.w.Upgrade()
	return s, ok
}

func (w *weakHandle) Clone() model.Weak {
	n := &weakHandle{w: new(Weak[model.Value])}
	*n.w = w.w.Clone()
	return n
}

func (w *weakHandle) Move() model.Weak {
	n := &weakHandle{w: new(Weak[model.Value])}
	*n.w = w.w.Move()
	return n
}

func (w *weakHandle) Drop()                   { w.w.Drop() }
func (w *weakHandle) StrongCount() int        { return w.w.StrongCount() }
func (w *weakHandle) WeakCount() int          { return w.w.WeakCount() }
func (w *weakHandle) PtrEq(o model.Weak) bool { return w.w.PtrEq(o.(*weakHandle).w) }
