package model_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/invariants/model"
	"github.com/rcbook/rcbook/lab"
)

func TestSequencesShowsEverySequenceExploreRuns(t *testing.T) {
	cfg := model.ExploreConfig{Depth: 3, MaxAllocs: 2, MaxHandles: 3}
	var seqs [][]model.Step
	res := model.Sequences(lab.Rc{}, cfg, func(steps []model.Step) bool {
		seqs = append(seqs, steps)
		return true
	})
	assert.Equal(t, model.Explore(lab.Rc{}, cfg), res, "showing the sequences changes nothing in what is explored")
	require.Len(t, seqs, res.Sequences, "one sequence per sequence run")
	longest := 0
	for _, steps := range seqs {
		s := model.NewSession(lab.Rc{})
		for _, step := range steps {
			require.Nil(t, s.Do(step), "every sequence shown replays cleanly on its own")
		}
		require.Nil(t, s.Finish())
		longest = max(longest, len(steps))
	}
	assert.Greater(t, longest, cfg.Depth, "the observers of a state run together, after its path")
}

func TestSequencesStopsWhenVisitSaysSo(t *testing.T) {
	n := 0
	res := model.Sequences(lab.Rc{}, model.ExploreConfig{Depth: 4, MaxAllocs: 2, MaxHandles: 3}, func([]model.Step) bool {
		n++
		return n < 10
	})
	assert.Equal(t, 10, n)
	assert.Equal(t, 9, res.Sequences, "the sequence visit refused was not run")
	assert.Nil(t, res.Violation)
}

func TestTakenNamesTheHandlesAsTheTraceDoes(t *testing.T) {
	s := model.NewSession(lab.Rc{})
	for _, step := range []model.Step{
		{Op: model.OpNew},
		{Op: model.OpClone, I: 0},
		{Op: model.OpNewCyclic, Escape: true},
		{Op: model.OpPtrEq, I: 0, J: 2},
		{Op: model.OpUpgrade, I: 0},
	} {
		require.Nil(t, s.Do(step))
	}
	taken := s.Taken()
	require.Len(t, taken, 5)
	assert.Equal(t, model.Named{Step: model.Step{Op: model.OpNew}, Made: "s1", Value: 1}, taken[0])
	assert.Equal(t, model.Named{Step: model.Step{Op: model.OpClone}, Made: "s2", NameI: "s1"}, taken[1])
	assert.Equal(t, model.Named{Step: model.Step{Op: model.OpNewCyclic, Escape: true}, Made: "s3", Escaped: "w4", Value: 2}, taken[2])
	assert.Equal(t, model.Named{Step: model.Step{Op: model.OpPtrEq, J: 2}, NameI: "s1", NameJ: "s3"}, taken[3])
	assert.Equal(t, model.Named{Step: model.Step{Op: model.OpUpgrade}, Made: "s5", NameI: "w4"}, taken[4])
	assert.Equal(t, []string{"s1 := rc.New(v1)", "s2 := s1.Clone()", "s3 := rc.NewCyclic(build clones its Weak into v2, keeps a clone)",
		"rc.PtrEq(&s1, &s3)", "s5, ok := w4.Upgrade()"}, s.Trace(), "the same names as the trace")
}

func TestExpectedAndSeenAgreeOnACorrectImplementation(t *testing.T) {
	s := model.NewSession(lab.Rc{})
	steps := []model.Step{
		{Op: model.OpNewCyclic},
		{Op: model.OpDowngrade, I: 0},
		{Op: model.OpGetMut, I: 0},
		{Op: model.OpClone, I: 0},
		{Op: model.OpMakeMut, I: 1},
		{Op: model.OpTryUnwrap, I: 1},
		{Op: model.OpNewWithCleanup, Panics: true},
		{Op: model.OpDrop, I: 1},
	}
	for _, step := range steps {
		require.Nil(t, s.Do(step))
		assert.Equal(t, s.Expected(), s.Seen(), "after %v", s.Trace()[len(s.Trace())-1])
	}
	v := s.Seen()
	assert.Equal(t, model.Answer{Panicked: true}, v.Answer, "the destructor's panic reached Drop's caller")
	assert.Equal(t, map[int]int{3: 1}, v.Drops, "v3 was dropped; v2, MakeMut's clone, was taken out")
	assert.Equal(t, map[int]int{3: 1}, v.Cleanups)
	assert.Equal(t, []model.HandleView{{Name: "s1", Strong: 1, Weak: 2, Value: 1, Payload: 1}, {Name: "w2", Strong: 1, Weak: 2}}, v.Handles)
	assert.Equal(t, 1, v.Live)
}
