package lab

import "github.com/rcbook/rcbook/invariants/model"

// maxRandomHandles bounds the handles a random sequence holds: past it,
// only drops are drawn, so that a long sequence keeps revisiting the edge
// cases (last strong handle, last Weak) instead of piling up handles.
const maxRandomHandles = 12

// randomStep draws a step that session s can take, with pick(n) choosing
// uniformly in [0, n): math/rand for `rcbook lab rust`, rapid's draws in
// the lab's tests. It offers every step Rust can take (see expressible),
// as the model's rapid state machine does: a step on a kind of handle the
// session has none of makes one instead.
func randomStep(s *model.Session, pick func(n int) int) model.Step {
	strongs, weaks := s.Strongs(), s.Weaks()
	coin := func() bool { return pick(2) == 0 }
	onStrong := func(op model.Op) model.Step {
		if strongs == 0 {
			return model.Step{Op: model.OpNew, Panics: pick(4) == 0}
		}
		return model.Step{Op: op, I: pick(strongs), J: pick(strongs)}
	}
	onWeak := func(op model.Op) model.Step {
		if weaks == 0 {
			return model.Step{Op: model.OpDangling}
		}
		return model.Step{Op: op, I: pick(weaks), J: pick(weaks)}
	}
	if strongs+weaks >= maxRandomHandles {
		if weaks == 0 || (strongs > 0 && coin()) {
			return onStrong(model.OpDrop)
		}
		return onWeak(model.OpWeakDrop)
	}
	switch op := model.Op(pick(int(model.OpWeakPtrEq) + 1)); op {
	case model.OpNew, model.OpNewWithCleanup:
		return model.Step{Op: op, Panics: pick(4) == 0}
	case model.OpNewCyclic:
		return model.Step{Op: op, Panics: pick(4) == 0, Escape: coin(), BuildPanics: pick(4) == 0, MoveSelf: coin()}
	case model.OpDangling:
		return model.Step{Op: op}
	case model.OpClone, model.OpMove, model.OpDrop, model.OpDowngrade, model.OpGetMut, model.OpMakeMut,
		model.OpTryUnwrap, model.OpIntoInner, model.OpPtrEq:
		return onStrong(op)
	default: // the steps on a Weak
		return onWeak(op)
	}
}
