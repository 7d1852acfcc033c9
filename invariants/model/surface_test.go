package model_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/invariants/model"
	"github.com/rcbook/rcbook/lab"
	"github.com/rcbook/rcbook/rc"
)

// do takes every step on a fresh session and returns it, failing t at the
// first violation.
func do(t *testing.T, impl model.Impl, steps ...model.Step) *model.Session {
	t.Helper()
	s := model.NewSession(impl)
	for _, step := range steps {
		require.Nil(t, s.Do(step), "step %+v", step)
	}
	return s
}

func TestMisuseStepsExistExactlyInCheckedBuilds(t *testing.T) {
	assert.Equal(t, invariants.Enabled, model.NewSession(lab.Rc{}).Misuses(),
		"a copy made without Clone is refused only where the checks are compiled in; elsewhere its use is undefined")
	assert.Equal(t, invariants.Enabled, model.NewSession(lab.Arc{}).Misuses())
}

func TestAStaleCopyIsUsedOnlyOnceItsAllocationMovedOn(t *testing.T) {
	if !invariants.Enabled {
		t.Skip("no misuse steps with -tags rcrelease")
	}
	s := do(t, lab.Rc{}, model.Step{Op: model.OpNew}, model.Step{Op: model.OpStaleCopy}, model.Step{Op: model.OpWeakStaleCopy})
	strong, weak, uses := s.Refusable()
	assert.Empty(t, strong, "while its value lives, a strong copy works as a counted handle would: nothing to refuse")
	require.Equal(t, []int{0}, weak, "a Weak counted nowhere, while strong handles remain, may not drop the implicit weak's unit")
	assert.Equal(t, [][]model.Use{{model.UseDrop}}, uses)
	require.Nil(t, s.Do(model.Step{Op: model.OpWeakStaleUse, I: 0, Use: model.UseDrop}), "refused with I4, counts unchanged")
	require.Nil(t, s.Do(model.Step{Op: model.OpDrop, I: 0}))
	strong, _, _ = s.Refusable()
	require.Equal(t, []int{0}, strong, "the value is gone: every use of the copy must be refused")
	for _, u := range model.StrongUses() {
		require.Nil(t, s.Do(model.Step{Op: model.OpStaleUse, I: 0, Use: u}), "%s through the copy is refused (I5) and changes nothing", u)
	}
	require.Nil(t, s.Finish())
}

func TestAStaleCopyAfterAPoolReusedItsHeaderIsRefused(t *testing.T) {
	if !invariants.Enabled {
		t.Skip("no misuse steps with -tags rcrelease")
	}
	p := rc.NewPool[model.Value](1, nil)
	s := do(t, lab.Rc{Pool: p},
		model.Step{Op: model.OpNew}, model.Step{Op: model.OpStaleCopy}, model.Step{Op: model.OpWeakStaleCopy},
		model.Step{Op: model.OpDrop}, model.Step{Op: model.OpNew})
	strong, weak, _ := s.Refusable()
	require.Equal(t, []int{0}, strong)
	require.Equal(t, []int{0}, weak)
	for _, u := range model.StrongUses() {
		require.Nil(t, s.Do(model.Step{Op: model.OpStaleUse, I: 0, Use: u}), "%s through a copy from the header's last life", u)
	}
	for _, u := range model.WeakUses() {
		require.Nil(t, s.Do(model.Step{Op: model.OpWeakStaleUse, I: 0, Use: u}), "Weak.%s through a copy from the header's last life", u)
	}
	require.Nil(t, s.Finish())
}

// unchecked is lab.Rc whose copies made without Clone are checked by
// nothing: their Get keeps answering after the allocation is freed, as a
// build without the header checks would.
type unchecked struct{ lab.Rc }

func (unchecked) UncountedCopy(s model.Strong) model.Strong { return blind{s, *s.Get()} }
func (unchecked) UncountedWeakCopy(w model.Weak) model.Weak { return w.Clone() }

type blind struct {
	model.Strong
	v model.Value
}

func (b blind) Get() *model.Value { return &b.v }

func TestAMisuseThatIsNotRefusedIsAViolation(t *testing.T) {
	if !invariants.Enabled {
		t.Skip("no misuse steps with -tags rcrelease")
	}
	s := do(t, unchecked{}, model.Step{Op: model.OpNew}, model.Step{Op: model.OpStaleCopy}, model.Step{Op: model.OpDrop})
	v := s.Do(model.Step{Op: model.OpStaleUse, I: 0, Use: model.UseGet})
	require.NotNil(t, v, "a use of a copy of a freed allocation that is not refused is a violation")
	assert.Equal(t, invariants.I5, v.Mismatch.Rule, "the rule a freed allocation's refusal cites")
	assert.Contains(t, v.Mismatch.Error(), "c2.Get through a copy made without Clone")
}

func TestAPanickingCleanupStillLetsTheValueDrop(t *testing.T) {
	s := do(t, lab.Rc{}, model.Step{Op: model.OpNewWithCleanup, CleanupPanics: true}, model.Step{Op: model.OpDrop})
	seen := s.Seen()
	assert.True(t, seen.Answer.Panicked, "the cleanup's panic reaches the caller of Drop")
	assert.Equal(t, map[int]int{1: 1}, seen.Drops, "the value's own Drop ran after the cleanup panicked")
	assert.Equal(t, map[int]int{1: 1}, seen.Cleanups)
	assert.Equal(t, s.Expected().Drops, seen.Drops)
}

func TestEqualValuesAreToldApartByTheirAllocation(t *testing.T) {
	s := do(t, lab.Rc{}, model.Step{Op: model.OpNew}, model.Step{Op: model.OpNew, Twin: true},
		model.Step{Op: model.OpPtrEq, I: 0, J: 1})
	seen := s.Seen()
	assert.False(t, seen.Answer.OK, "two allocations, however equal their values")
	assert.Equal(t, seen.Handles[0].Value, seen.Handles[1].Value, "the twin shows the same ID")
	require.Nil(t, s.Do(model.Step{Op: model.OpDrop, I: 0}))
	assert.Equal(t, map[int]int{1: 1}, s.Seen().Drops, "one of the two dropped")
	require.Nil(t, s.Finish())
	assert.Equal(t, map[int]int{1: 2}, s.Seen().Drops, "then the other")
}

func TestACloneThatDropsTheOtherOwnersMakesMakeMutDropTheOriginal(t *testing.T) {
	s := do(t, lab.Rc{}, model.Step{Op: model.OpNew, Panics: true}, model.Step{Op: model.OpClone},
		model.Step{Op: model.OpMakeMut, I: 0, CloneDrops: true})
	assert.Equal(t, 1, s.Strongs(), "the clone function dropped the other strong handle")
	seen := s.Seen()
	assert.True(t, seen.Answer.Panicked, "the original's destructor ran inside MakeMut and its panic reached the caller")
	assert.Equal(t, 1, seen.Drops[1], "MakeMut's release of the original was the last: it dropped the value")
	assert.Equal(t, 1, seen.Live, "only the copy is left")
	require.Nil(t, s.Finish())
}
