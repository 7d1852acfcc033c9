package arc

import (
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/rcbook/rcbook/invariants/model"
	"github.com/rcbook/rcbook/invariants/model/modeltest"
)

// impl is package arc seen through model.Impl, the same adapter as lab.Rc
// is for package rc. It lives in arc's own tests, inside
// the package, so that the overflow probe (model.CountSetter) can reach the
// atomic counts. The harness is sequential: it checks that Arc and Weak
// keep every rule rc and weak keep, one operation at a time. The
// concurrent behaviour is checked by stress_test.go and
// linearizability_test.go.
type impl struct{}

var _ model.Impl = impl{}

func (impl) New(v model.Value) model.Strong {
	s := new(strongHandle)
	s.h = New(v)
	return s
}

func (impl) NewWithCleanup(v model.Value, cleanup func(model.Value)) model.Strong {
	s := new(strongHandle)
	s.h = NewWithCleanup(v, cleanup)
	return s
}

// NewCyclic lends build a Weak; it is wrapped by pointer so that Clone and
// Move work on the original.
func (impl) NewCyclic(build func(self model.Weak) model.Value) model.Strong {
	s := new(strongHandle)
	s.h = NewCyclic(func(self *Weak[model.Value]) model.Value {
		return build(&weakHandle{w: self})
	})
	return s
}

func (impl) Dangling() model.Weak { return &weakHandle{w: new(Weak[model.Value])} }

func (impl) LiveAllocations() int { return LiveAllocations() }

type strongHandle struct{ h Arc[model.Value] }

var _ model.CountSetter = impl{}

func (s *strongHandle) Clone() model.Strong {
	n := new(strongHandle)
	n.h = s.h.Clone()
	return n
}

func (s *strongHandle) Move() model.Strong {
	n := new(strongHandle)
	n.h = s.h.Move()
	return n
}

func (s *strongHandle) Drop()                                                { s.h.Drop() }
func (s *strongHandle) Get() *model.Value                                    { return s.h.Get() }
func (s *strongHandle) GetMut() (*model.Value, bool)                         { return s.h.GetMut() }
func (s *strongHandle) MakeMut(c func(model.Value) model.Value) *model.Value { return s.h.MakeMut(c) }
func (s *strongHandle) TryUnwrap() (model.Value, bool)                       { return s.h.TryUnwrap() }
func (s *strongHandle) IntoInner() (model.Value, bool)                       { return s.h.IntoInner() }
func (s *strongHandle) StrongCount() int                                     { return s.h.StrongCount() }
func (s *strongHandle) WeakCount() int                                       { return s.h.WeakCount() }
func (s *strongHandle) IsEmpty() bool                                        { return s.h.IsEmpty() }
func (s *strongHandle) PtrEq(o model.Strong) bool                            { return PtrEq(&s.h, &o.(*strongHandle).h) }

// RawCounts and SetRawCounts let the harness's overflow probe put a count
// at its maximum (I1). The raw weak count includes the implicit weak.
func (impl) RawCounts(s model.Strong) (int, int) {
	b := s.(*strongHandle).h.box
	return int(b.strong.Load()), int(b.weak.Load())
}

func (impl) SetRawCounts(s model.Strong, strong, weak int) {
	b := s.(*strongHandle).h.box
	b.strong.Store(int64(strong))
	b.weak.Store(int64(weak))
}

func (s *strongHandle) Downgrade() model.Weak {
	w := &weakHandle{w: new(Weak[model.Value])}
	*w.w = Downgrade(&s.h)
	return w
}

// weakHandle holds its Weak by pointer so that it can also stand for the
// Weak NewCyclic lends to build.
type weakHandle struct{ w *Weak[model.Value] }

func (w *weakHandle) Upgrade() (model.Strong, bool) {
	s := new(strongHandle)
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
func (w *weakHandle) PtrEq(o model.Weak) bool { return WeakPtrEq(w.w, o.(*weakHandle).w) }

// TestModel runs rcbook's state machine, unchanged, against arc: random
// sequences of every operation, compared with the reference model after
// each step, the overflow probe included.
func TestModel(t *testing.T) {
	modeltest.Check(t, impl{})
}

// FuzzModel is the same property driven by Go's coverage-guided fuzzer.
func FuzzModel(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(modeltest.Machine(impl{})))
}

// TestExplore runs every operation sequence up to depth 5 over three
// allocations of up to four handles each: no violation may be found.
func TestExplore(t *testing.T) {
	if testing.Short() {
		t.Skip("exhaustive exploration: skipped with -short")
	}
	res := modeltest.Explore(t, impl{}, model.ExploreConfig{Depth: 5, MaxAllocs: 3, MaxHandles: 4})
	require.Equal(t, 5, res.Depth, "the explorer stops early only at a violation")
	t.Logf("explore: %d states, %d sequences, depth %d", res.States, res.Sequences, res.Depth)
}
