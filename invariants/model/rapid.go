package model

import "pgregory.net/rapid"

// Machine returns a rapid property that drives impl and the model side by
// side. Run it with rapid.Check(t, model.Machine(impl)), or fuzz it with
// f.Fuzz(rapid.MakeFuzz(model.Machine(impl))).
//
// Each run starts from no handles, takes a random sequence of steps (one
// action per Op), checks implementation against model after every one, and
// finally drops every handle and checks that nothing is left allocated. A
// failing run is shrunk by rapid and printed step by step.
func Machine(impl Impl) func(*rapid.T) {
	return func(t *rapid.T) {
		m := newMachine(impl)
		t.Repeat(m.actions())
		m.drain(t)
	}
}

func (m *machine) actions() map[string]func(*rapid.T) {
	do := func(t *rapid.T, s Step) { m.apply(t, s) } // apply logs the step
	// An action that needs a handle when there is none makes one instead of
	// skipping: under the fuzzer the choice of action is adversarial, and
	// rapid gives up on a run whose actions are all skipped.
	onStrong := func(op Op) func(*rapid.T) {
		return func(t *rapid.T) {
			if len(m.strongs) == 0 {
				do(t, Step{Op: OpNew})
				return
			}
			do(t, Step{Op: op, I: m.pickStrong(t)})
		}
	}
	onWeak := func(op Op) func(*rapid.T) {
		return func(t *rapid.T) {
			if len(m.weaks) == 0 {
				do(t, Step{Op: OpDangling})
				return
			}
			do(t, Step{Op: op, I: m.pickWeak(t)})
		}
	}
	oneIn4 := func(t *rapid.T, label string) bool { return rapid.IntRange(0, 3).Draw(t, label) == 0 }
	newValue := func(op Op) func(*rapid.T) {
		return func(t *rapid.T) { do(t, Step{Op: op, Panics: oneIn4(t, "destructorPanics")}) }
	}
	return map[string]func(*rapid.T){
		"new":            newValue(OpNew),
		"newWithCleanup": newValue(OpNewWithCleanup),
		"newCyclic": func(t *rapid.T) {
			do(t, Step{
				Op:          OpNewCyclic,
				Panics:      oneIn4(t, "destructorPanics"),
				Escape:      rapid.Bool().Draw(t, "escapeAWeak"),
				BuildPanics: oneIn4(t, "buildPanics"),
				MoveSelf:    rapid.Bool().Draw(t, "moveSelfIntoValue"),
			})
		},
		"clone":         onStrong(OpClone),
		"move":          onStrong(OpMove),
		"drop":          onStrong(OpDrop),
		"downgrade":     onStrong(OpDowngrade),
		"dangling":      func(t *rapid.T) { do(t, Step{Op: OpDangling}) },
		"weakClone":     onWeak(OpWeakClone),
		"weakMove":      onWeak(OpWeakMove),
		"weakDrop":      onWeak(OpWeakDrop),
		"upgrade":       onWeak(OpUpgrade),
		"getMut":        onStrong(OpGetMut),
		"makeMut":       onStrong(OpMakeMut),
		"tryUnwrap":     onStrong(OpTryUnwrap),
		"intoInner":     onStrong(OpIntoInner),
		"probeOverflow": onStrong(OpProbeOverflow),
		"ptrEq": func(t *rapid.T) {
			switch {
			case rapid.Bool().Draw(t, "ofWeaks") && len(m.weaks) > 0:
				do(t, Step{Op: OpWeakPtrEq, I: m.pickWeak(t), J: m.pickWeak(t)})
			case len(m.strongs) > 0:
				do(t, Step{Op: OpPtrEq, I: m.pickStrong(t), J: m.pickStrong(t)})
			default:
				do(t, Step{Op: OpNew})
			}
		},
		"": func(t *rapid.T) { m.check(t) },
	}
}

func (m *machine) pickStrong(t *rapid.T) int {
	return rapid.IntRange(0, len(m.strongs)-1).Draw(t, "strong")
}

func (m *machine) pickWeak(t *rapid.T) int {
	return rapid.IntRange(0, len(m.weaks)-1).Draw(t, "weak")
}
