package lab

import (
	"github.com/rcbook/rcbook/arc"
	"github.com/rcbook/rcbook/invariants/model"
)

// Arc is rcbook's package arc seen through model.Impl, as Rc is package rc:
// arc.Arc and arc.Weak of model.Value. The harness is sequential, so it
// checks that Arc and Weak keep every rule rc and weak keep, one operation
// at a time; arc's own tests check the concurrent behaviour. arc's model
// tests wrap it to reach the atomic counts for the overflow probe
// (arc/arcmodel_test.go); the lab's comparison with Rust's std::sync::Arc
// uses it as it is (lab/rust.go).
type Arc struct{}

var (
	_ model.Impl        = Arc{}
	_ model.StaleCopier = Arc{}
)

// UncountedCopy copies the arc.Arc behind s without Clone, as Rc's does
// for rc.Rc (model.StaleCopier).
func (Arc) UncountedCopy(s model.Strong) model.Strong {
	return &arcStrong{h: uncounted(&s.(*arcStrong).h)}
}

// UncountedWeakCopy is UncountedCopy for a Weak.
func (Arc) UncountedWeakCopy(w model.Weak) model.Weak {
	c := uncounted(w.(*arcWeak).w)
	return &arcWeak{w: &c}
}

// New is arc.New.
func (Arc) New(v model.Value) model.Strong {
	s := new(arcStrong)
	s.h = arc.New(v)
	return s
}

// NewWithCleanup is arc.NewWithCleanup.
func (Arc) NewWithCleanup(v model.Value, cleanup func(model.Value)) model.Strong {
	s := new(arcStrong)
	s.h = arc.NewWithCleanup(v, cleanup)
	return s
}

// NewCyclic is arc.NewCyclic. The Weak handed to build is on loan, so it is
// wrapped by pointer: Clone and Move work on the original.
func (Arc) NewCyclic(build func(self model.Weak) model.Value) model.Strong {
	s := new(arcStrong)
	s.h = arc.NewCyclic(func(self *arc.Weak[model.Value]) model.Value {
		return build(&arcWeak{w: self})
	})
	return s
}

// Dangling is a zero arc.Weak.
func (Arc) Dangling() model.Weak { return &arcWeak{w: new(arc.Weak[model.Value])} }

// LiveAllocations is arc.LiveAllocations.
func (Arc) LiveAllocations() int { return arc.LiveAllocations() }

// ArcOf returns the arc.Arc behind a strong handle that Arc made, so that a
// test can reach further into it than model.Strong goes.
func ArcOf(s model.Strong) *arc.Arc[model.Value] { return &s.(*arcStrong).h }

type arcStrong struct{ h arc.Arc[model.Value] }

func (s *arcStrong) Clone() model.Strong {
	n := new(arcStrong)
	n.h = s.h.Clone()
	return n
}

func (s *arcStrong) Move() model.Strong {
	n := new(arcStrong)
	n.h = s.h.Move()
	return n
}

func (s *arcStrong) Drop()                                                { s.h.Drop() }
func (s *arcStrong) Get() *model.Value                                    { return s.h.Get() }
func (s *arcStrong) GetMut() (*model.Value, bool)                         { return s.h.GetMut() }
func (s *arcStrong) MakeMut(c func(model.Value) model.Value) *model.Value { return s.h.MakeMut(c) }
func (s *arcStrong) TryUnwrap() (model.Value, bool)                       { return s.h.TryUnwrap() }
func (s *arcStrong) IntoInner() (model.Value, bool)                       { return s.h.IntoInner() }
func (s *arcStrong) StrongCount() int                                     { return s.h.StrongCount() }
func (s *arcStrong) WeakCount() int                                       { return s.h.WeakCount() }
func (s *arcStrong) IsEmpty() bool                                        { return s.h.IsEmpty() }
func (s *arcStrong) PtrEq(o model.Strong) bool                            { return arc.PtrEq(&s.h, &o.(*arcStrong).h) }

func (s *arcStrong) Downgrade() model.Weak {
	w := &arcWeak{w: new(arc.Weak[model.Value])}
	*w.w = arc.Downgrade(&s.h)
	return w
}

// arcWeak holds its Weak by pointer so that it can also stand for the Weak
// NewCyclic lends to build.
type arcWeak struct{ w *arc.Weak[model.Value] }

func (w *arcWeak) Upgrade() (model.Strong, bool) {
	s := new(arcStrong)
	var ok bool
	s.h, ok = w.w.Upgrade()
	return s, ok
}

func (w *arcWeak) Clone() model.Weak {
	n := &arcWeak{w: new(arc.Weak[model.Value])}
	*n.w = w.w.Clone()
	return n
}

func (w *arcWeak) Move() model.Weak {
	n := &arcWeak{w: new(arc.Weak[model.Value])}
	*n.w = w.w.Move()
	return n
}

func (w *arcWeak) Drop()                   { w.w.Drop() }
func (w *arcWeak) StrongCount() int        { return w.w.StrongCount() }
func (w *arcWeak) WeakCount() int          { return w.w.WeakCount() }
func (w *arcWeak) PtrEq(o model.Weak) bool { return arc.WeakPtrEq(w.w, o.(*arcWeak).w) }
