package modeltest

import (
	"maps"

	"pgregory.net/rapid"

	"github.com/rcbook/rcbook/invariants/model"
)

// Machine returns a rapid property that drives impl and the model side by
// side. Run it with Check, or rapid.Check(t, modeltest.Machine(impl)), or
// fuzz it with f.Fuzz(rapid.MakeFuzz(modeltest.Machine(impl))).
//
// Each run starts from no handles, takes a random sequence of steps (one
// action per model.Op), checks implementation against model after every
// one, and finally drops every handle and checks that nothing is left
// allocated. A failing run is shrunk by rapid and printed step by step.
func Machine(impl model.Impl) func(*rapid.T) {
	return func(t *rapid.T) {
		s := model.NewSession(impl)
		t.Repeat(actions(s))
		fail(t, s.Finish())
	}
}

// fail stops the run if v is a violation.
func fail(t *rapid.T, v *model.Violation) {
	if v != nil {
		report(t, "rapid", v)
		t.Fatalf("the implementation disagrees with the model (caught by %s):\n%v", v.Mismatch.Caught(), v)
	}
}

func actions(s *model.Session) map[string]func(*rapid.T) {
	do := func(t *rapid.T, step model.Step) { fail(t, s.Do(step)) }
	pickStrong := func(t *rapid.T) int { return rapid.IntRange(0, s.Strongs()-1).Draw(t, "strong") }
	pickWeak := func(t *rapid.T) int { return rapid.IntRange(0, s.Weaks()-1).Draw(t, "weak") }
	// An action that needs a handle when there is none makes one instead of
	// skipping: under the fuzzer the choice of action is adversarial, and
	// rapid gives up on a run whose actions are all skipped.
	onStrong := func(op model.Op) func(*rapid.T) {
		return func(t *rapid.T) {
			if s.Strongs() == 0 {
				do(t, model.Step{Op: model.OpNew})
				return
			}
			do(t, model.Step{Op: op, I: pickStrong(t)})
		}
	}
	onWeak := func(op model.Op) func(*rapid.T) {
		return func(t *rapid.T) {
			if s.Weaks() == 0 {
				do(t, model.Step{Op: model.OpDangling})
				return
			}
			do(t, model.Step{Op: op, I: pickWeak(t)})
		}
	}
	oneIn4 := func(t *rapid.T, label string) bool { return rapid.IntRange(0, 3).Draw(t, label) == 0 }
	newValue := func(op model.Op) func(*rapid.T) {
		return func(t *rapid.T) {
			step := model.Step{Op: op, Panics: oneIn4(t, "destructorPanics"), Twin: oneIn4(t, "equalToThePrevious")}
			if op == model.OpNewWithCleanup {
				step.CleanupPanics = oneIn4(t, "cleanupPanics")
			}
			do(t, step)
		}
	}
	actions := map[string]func(*rapid.T){
		"new":            newValue(model.OpNew),
		"newWithCleanup": newValue(model.OpNewWithCleanup),
		"newCyclic": func(t *rapid.T) {
			do(t, model.Step{
				Op:          model.OpNewCyclic,
				Panics:      oneIn4(t, "destructorPanics"),
				Escape:      rapid.Bool().Draw(t, "escapeAWeak"),
				BuildPanics: oneIn4(t, "buildPanics"),
				MoveSelf:    rapid.Bool().Draw(t, "moveSelfIntoValue"),
			})
		},
		"clone":     onStrong(model.OpClone),
		"move":      onStrong(model.OpMove),
		"drop":      onStrong(model.OpDrop),
		"downgrade": onStrong(model.OpDowngrade),
		"dangling":  func(t *rapid.T) { do(t, model.Step{Op: model.OpDangling}) },
		"weakClone": onWeak(model.OpWeakClone),
		"weakMove":  onWeak(model.OpWeakMove),
		"weakDrop":  onWeak(model.OpWeakDrop),
		"upgrade":   onWeak(model.OpUpgrade),
		"getMut":    onStrong(model.OpGetMut),
		"makeMut":   onStrong(model.OpMakeMut),
		"makeMutCloneDrops": func(t *rapid.T) {
			if s.Strongs() == 0 {
				do(t, model.Step{Op: model.OpNew})
				return
			}
			do(t, model.Step{Op: model.OpMakeMut, I: pickStrong(t), CloneDrops: true})
		},
		"tryUnwrap":     onStrong(model.OpTryUnwrap),
		"intoInner":     onStrong(model.OpIntoInner),
		"probeOverflow": onStrong(model.OpProbeOverflow),
		"ptrEq": func(t *rapid.T) {
			switch {
			case rapid.Bool().Draw(t, "ofWeaks") && s.Weaks() > 0:
				do(t, model.Step{Op: model.OpWeakPtrEq, I: pickWeak(t), J: pickWeak(t)})
			case s.Strongs() > 0:
				do(t, model.Step{Op: model.OpPtrEq, I: pickStrong(t), J: pickStrong(t)})
			default:
				do(t, model.Step{Op: model.OpNew})
			}
		},
		"": func(t *rapid.T) { fail(t, s.Check()) },
	}
	maps.Copy(actions, misuseActions(s, do))
	return actions
}

// misuseActions are the misuse steps (model.StaleCopier): copies made
// without Clone, and their uses where the checks must refuse them. They
// exist only when the session takes misuse steps; in a build without the
// checks such a use is undefined behaviour, and no action takes it.
func misuseActions(s *model.Session, do func(*rapid.T, model.Step)) map[string]func(*rapid.T) {
	if !s.Misuses() {
		return nil
	}
	return map[string]func(*rapid.T){
		"staleCopy": func(t *rapid.T) {
			if s.Strongs() == 0 {
				do(t, model.Step{Op: model.OpNew})
				return
			}
			do(t, model.Step{Op: model.OpStaleCopy, I: rapid.IntRange(0, s.Strongs()-1).Draw(t, "strong")})
		},
		"weakStaleCopy": func(t *rapid.T) {
			if s.Strongs() == 0 {
				do(t, model.Step{Op: model.OpNew})
				return
			}
			do(t, model.Step{Op: model.OpWeakStaleCopy, I: rapid.IntRange(0, s.Strongs()-1).Draw(t, "strong")})
		},
		"staleUse": func(t *rapid.T) {
			strong, weak, weakUses := s.Refusable()
			switch {
			case len(strong) > 0 && (len(weak) == 0 || rapid.Bool().Draw(t, "ofStrong")):
				i := rapid.SampledFrom(strong).Draw(t, "stale")
				do(t, model.Step{Op: model.OpStaleUse, I: i, Use: rapid.SampledFrom(model.StrongUses()).Draw(t, "use")})
			case len(weak) > 0:
				k := rapid.IntRange(0, len(weak)-1).Draw(t, "staleWeak")
				do(t, model.Step{Op: model.OpWeakStaleUse, I: weak[k], Use: rapid.SampledFrom(weakUses[k]).Draw(t, "use")})
			case s.Strongs() > 0:
				// No copy may be misused yet: drop a handle, which may end
				// a copy's allocation.
				do(t, model.Step{Op: model.OpDrop, I: rapid.IntRange(0, s.Strongs()-1).Draw(t, "strong")})
			default:
				do(t, model.Step{Op: model.OpNew})
			}
		},
	}
}
