package model_test

import (
	"fmt"

	"github.com/rcbook/rcbook/invariants/model"
	"github.com/rcbook/rcbook/lab"
)

// naiveImpl is rcbook's rc and weak with one change: GetMut checks only
// strong == 1, the tempting rule that forgets the Weaks.
type naiveImpl struct{ Rc lab.Rc }

func (n naiveImpl) LiveAllocations() int { return n.Rc.LiveAllocations() }

func (n naiveImpl) New(v model.Value) model.Strong { return naive{n.Rc.New(v)} }

func (n naiveImpl) NewWithCleanup(v model.Value, c func(model.Value)) model.Strong {
	return naive{n.Rc.NewWithCleanup(v, c)}
}

func (n naiveImpl) NewCyclic(build func(model.Weak) model.Value) model.Strong {
	return naive{n.Rc.NewCyclic(func(self model.Weak) model.Value { return build(naiveWeak{self}) })}
}

type naive struct{ model.Strong }

// GetMut is the bug: a mutable view whenever there is one strong handle.
func (s naive) GetMut() (*model.Value, bool) {
	if s.StrongCount() != 1 {
		return nil, false
	}
	return s.Get(), true
}

// The rest only keeps every handle wrapped, so that the bug is everywhere.
func (s naive) Clone() model.Strong         { return naive{s.Strong.Clone()} }
func (s naive) Move() model.Strong          { return naive{s.Strong.Move()} }
func (s naive) Downgrade() model.Weak       { return naiveWeak{s.Strong.Downgrade()} }
func (s naive) PtrEq(o model.Strong) bool   { return s.Strong.PtrEq(o.(naive).Strong) }
func (n naiveImpl) Dangling() model.Weak    { return naiveWeak{n.Rc.Dangling()} }
func (w naiveWeak) Clone() model.Weak       { return naiveWeak{w.Weak.Clone()} }
func (w naiveWeak) Move() model.Weak        { return naiveWeak{w.Weak.Move()} }
func (w naiveWeak) PtrEq(o model.Weak) bool { return w.Weak.PtrEq(o.(naiveWeak).Weak) }
func (w naiveWeak) Upgrade() (model.Strong, bool) {
	s, ok := w.Weak.Upgrade()
	return naive{s}, ok
}

type naiveWeak struct{ model.Weak }

// The explorer finds the shortest sequence of operations on which an
// implementation disagrees with the model. Here the implementation hands out
// a mutable view while a Weak exists, breaking I6; the explorer needs two
// steps to show it.
func ExampleExplore() {
	res := model.Explore(naiveImpl{}, model.ExploreConfig{Depth: 3, MaxAllocs: 2, MaxHandles: 3})
	fmt.Println(res.Violation)
	// Output:
	// s1 := rc.NewCyclic(build clones its Weak into v1)
	// s1.GetMut()
	// => s1.GetMut (strong 1, weak 1) must succeed exactly when strong == 1 and no Weak exists (I6): expected false, got true
}
