package play_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/play"
)

// alloc returns the allocation numbered id in st, failing if it is not in
// the picture.
func alloc(t *testing.T, st play.State, id int) play.Alloc {
	t.Helper()
	for _, a := range st.Allocs {
		if a.ID == id {
			return a
		}
	}
	require.Failf(t, "no such allocation", "#%d is not in the state %+v", id, st)
	return play.Alloc{}
}

func TestReplayStepsOnePerCommandWithNarration(t *testing.T) {
	steps := play.Replay("# Two names.\n# One value.\nnew a 5\n\nclone a b # shares it\nshow\n")
	require.Len(t, steps, 3, "one Step per command line; comments and blank lines are not steps")
	assert.Equal(t, "Two names.\nOne value.", steps[0].Narration, "the comment lines before a command are its narration")
	assert.Equal(t, "clone a b # shares it", steps[1].Line, "Line is the command as typed")
	assert.Empty(t, steps[1].Narration, "a command with no comment line before it has no narration")
	assert.Equal(t, []string{"#1 strong 1 -> 2"}, steps[1].Output, "Output is what the terminal prints, without the picture")
	assert.Empty(t, steps[2].Output, "show prints only the picture, which Output leaves out")
	a := alloc(t, steps[1].State, 1)
	assert.Equal(t, 2, a.Strong, "State is the session after the step")
	assert.Equal(t, "alive", a.State)
	assert.Equal(t, []play.Handle{{Name: "a", Kind: "strong", To: 1}, {Name: "b", Kind: "strong", To: 1}},
		steps[1].State.Handles, "every name, sorted, with the allocation it points at")
}

func TestReplayCycleLeaksAndWeakParentDoesNot(t *testing.T) {
	steps := play.Replay("new a 1\nnew b 2\nset a.next b\nset b.next a\ndrop a\ndrop b\n")
	last := steps[len(steps)-1].State
	for id := 1; id <= 2; id++ {
		a := alloc(t, last, id)
		assert.Truef(t, a.Leaked, "#%d: two nodes that own each other outlive every name: a leak", id)
		assert.Equalf(t, 1, a.Strong, "#%d keeps the strong count its neighbour's next holds", id)
		assert.Equal(t, "alive", a.State, "a leaked value is never dropped")
	}
	assert.Equal(t, []play.Field{{Name: "next", Kind: "strong", To: 1}}, alloc(t, last, 2).Fields, "#2.next holds #1")
	assert.Empty(t, last.Journal, "no destructor ran")
	assert.Equal(t, 2, last.Live, "both allocations stay live")

	steps = play.Replay("new p 1\nnew c 2\nadd p.children c\nset c.parent p\ndrop c\ndrop p\n")
	last = steps[len(steps)-1].State
	assert.Equal(t, []string{"drop #1 (value 1)", "drop #2 (value 2)"}, last.Journal,
		"with a Weak parent, dropping the root drops it and then its child")
	assert.Zero(t, last.Live, "a Weak back link leaves nothing live")
	for _, a := range last.Allocs {
		assert.Falsef(t, a.Leaked, "#%d: a freed allocation is no leak", a.ID)
		assert.Equal(t, "freed", a.State, "each is drawn in the step that frees it")
	}
	fields := alloc(t, steps[3].State, 2).Fields
	assert.Equal(t, []play.Field{{Name: "parent", Kind: "weak", To: 1}}, fields, "set c.parent p stores a Weak")
}

func TestReplayRefusalsNameTheirRule(t *testing.T) {
	steps := play.Replay("new a 1\nborrowmut a m\nborrow a r\nset a.next a\nrelease m\nrelease m\ndrop a\ndrop a\n")
	require.Len(t, steps, 8)
	for _, i := range []int{2, 3} {
		require.NotNilf(t, steps[i].Refusal, "%q is refused while a RefMut is live", steps[i].Line)
		assert.Equal(t, "B1", steps[i].Refusal.Rule, "shared xor mutable")
		assert.NotEmpty(t, steps[i].Refusal.RuleText, "the rule's statement comes along")
	}
	assert.True(t, alloc(t, steps[1].State, 1).Borrows.Mutably, "the cell's flag shows the RefMut")
	assert.Empty(t, alloc(t, steps[3].State, 1).Fields, "a refused set changed nothing")
	require.NotNil(t, steps[5].Refusal, "a borrow released twice is refused")
	assert.Equal(t, "B2", steps[5].Refusal.Rule)
	require.NotNil(t, steps[7].Refusal, "a handle dropped twice is refused")
	assert.Equal(t, "rc: Drop: handle already dropped", steps[7].Refusal.Message)
	assert.Equal(t, []string{"refused: rc: Drop: handle already dropped"}, steps[7].Output)
	assert.Empty(t, steps[7].Problem, "a refusal is the library's, not a mistake of the learner's")
}

func TestReplayProblemsAreTheLearnersMistakes(t *testing.T) {
	steps := play.Replay("new a 1\nclone aa b\nnwe c 2\nset a.nxt a\n")
	for _, s := range steps[1:] {
		assert.NotEmptyf(t, s.Problem, "%q is a mistake of the learner's", s.Line)
		assert.Nilf(t, s.Refusal, "%q never reached the library", s.Line)
	}
	assert.Contains(t, steps[1].Problem, "did you mean a?", "a typo of a name gets a suggestion")
	assert.Contains(t, steps[2].Problem, "did you mean new?", "a typo of a command gets a suggestion")
	assert.Contains(t, steps[3].Problem, "did you mean next?", "a typo of a field gets a suggestion")
}

func TestReplayIsDeterministic(t *testing.T) {
	script := "pool 1\npnew p 1\ndowngrade p w\ncopy p q\ndrop p\ndrop w\npnew r 2\ndrop q\nnew a 1\nset a.next r\n"
	assert.Equal(t, play.Replay(script), play.Replay(script), "the same script gives the same steps")
}

func TestReplayBoundsItsWork(t *testing.T) {
	var b strings.Builder
	for i := range play.MaxLines + 20 {
		fmt.Fprintf(&b, "new n%d %d\n", i, i)
	}
	steps := play.Replay(b.String())
	require.Len(t, steps, play.MaxLines+20, "every command line gets its step, run or not")
	assert.Contains(t, steps[play.MaxLines].Problem, "at most", "a line past the limit is not run")
	assert.Contains(t, steps[play.MaxAllocations].Problem, "at most", "an allocation past the limit is not made")
	assert.Empty(t, steps[play.MaxAllocations-1].Problem, "the allocations within the limit are made")
	assert.Len(t, steps[len(steps)-1].State.Allocs, play.MaxAllocations, "no more allocations than the limit")

	steps = play.Replay("new a 1\nquit\nnew b 2\n")
	assert.Contains(t, steps[2].Problem, "quit", "nothing after quit runs")
}

func TestReplayJSONFollowsTheContract(t *testing.T) {
	steps := play.Replay("pool 1\npnew a 1\nborrow a r\ndrop zz\n")
	data, err := json.Marshal(steps)
	require.NoError(t, err)
	for _, key := range []string{`"line":`, `"narration":`, `"output":`, `"refusal":null`, `"problem":`, `"state":`,
		`"allocs":`, `"handles":`, `"journal":[]`, `"pool":{"size":0,"maxSize":1}`, `"live":1`, `"id":1`, `"gen":1`,
		`"strong":1`, `"weak":0`, `"implicit":true`, `"state":"alive"`, `"value":1`, `"movedOut":false`, `"fields":[]`,
		`"leaked":false`, `"borrows":{"shared":1,"mutably":false}`, `"name":"a"`, `"kind":"strong"`, `"to":1`,
		`"spent":""`, `"stale":false`} {
		assert.Containsf(t, string(data), key, "the JSON the playground reads has %s", key)
	}
}

func TestReplayRefusesOverlongLinesAndNames(t *testing.T) {
	steps := play.Replay("new " + strings.Repeat("a", 17) + " 1\nnew a " + strings.Repeat("1", 300) + "\n")
	assert.Contains(t, steps[0].Problem, "too long for a handle name", "a name wider than the picture allows is refused")
	assert.Contains(t, steps[1].Problem, "at most 200 characters", "an overlong command is not parsed at all")
	assert.Empty(t, steps[1].State.Allocs, "neither made an allocation")
}

// TestReplayConcurrently replays one script from several goroutines at
// once, as a web server does for several browsers: sessions share nothing,
// so each gets the steps a lone replay gets (go test -race checks the
// rest).
func TestReplayConcurrently(t *testing.T) {
	script := "new a 1\nnew b 2\nset a.next b\nset b.next a\nborrow a r\ndrop a\ndrop b\npool 1\npnew p 3\ndrop p\npnew q 4\n"
	want := play.Replay(script)
	got := make([][]play.Step, 4)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() { got[i] = play.Replay(script) })
	}
	wg.Wait()
	for i := range got {
		assert.Equalf(t, want, got[i], "replay %d, run beside the others, gives the same steps", i)
	}
}
