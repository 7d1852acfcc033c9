package play_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/play"
)

// run plays script as a learner would type it and returns everything play
// printed, commands echoed, so that a failure shows the whole session.
func run(t *testing.T, script string) string {
	t.Helper()
	var out strings.Builder
	require.NoError(t, play.Run(strings.NewReader(script), &out, play.Options{Echo: true}),
		"Run fails only when reading or writing fails, never because of a command")
	return out.String()
}

// stepOutput returns what play printed for the n-th (from 1) occurrence of
// the command line, up to the next command or the summary at the end, with
// the lines play wrapped at play.Width joined again.
func stepOutput(t *testing.T, transcript, command string, n int) string {
	t.Helper()
	parts := strings.Split(transcript, "rc> "+command+"\n")
	require.Greaterf(t, len(parts), n, "the transcript should run %q at least %d times:\n%s", command, n, transcript)
	step, _, _ := strings.Cut(parts[n], "rc> ")
	step, _, _ = strings.Cut(step, "session over:")
	return strings.ReplaceAll(step, "\n    ", " ")
}

func TestCountsFollowCloneDowngradeAndDrop(t *testing.T) {
	out := run(t, "new a 5\nclone a b\ndowngrade a w\ndrop a\n")
	assert.Contains(t, stepOutput(t, out, "new a 5", 1), "#1 new: strong 1, weak 0 (+1 implicit, I4), value 5",
		"a new allocation starts at strong 1, with the implicit weak held apart from the Weak count")
	assert.Contains(t, stepOutput(t, out, "clone a b", 1), "#1 strong 1 -> 2", "Clone adds one strong handle")
	assert.Contains(t, stepOutput(t, out, "downgrade a w", 1), "#1 weak 0 -> 1", "Downgrade adds one Weak")
	last := stepOutput(t, out, "drop a", 1)
	assert.Contains(t, last, "#1 strong 2 -> 1", "dropping one of two strong handles only counts down")
	assert.Contains(t, last, "| strong 1   weak 1 (+1 implicit)", "the box shows both counts and the implicit weak")
	assert.Contains(t, last, "  strong: b   weak: w", "the box lists the names still pointing at it")
	assert.Contains(t, last, "empty: a (dropped)", "a dropped name stays in the table, marked empty")
}

func TestLastStrongDropKeepsAllocationForWeaks(t *testing.T) {
	out := run(t, "new a 5\ndowngrade a w\ndrop a\nupgrade w c\ndrop c\ndrop w\nshow\n")
	dropA := stepOutput(t, out, "drop a", 1)
	assert.Contains(t, dropA, "#1 strong 1 -> 0, value dropped (I2), implicit weak released (I4), kept for 1 Weak (I3)",
		"the last strong drop ends the value and the implicit weak, but a Weak keeps the allocation")
	assert.Contains(t, dropA, "| strong 0   weak 1 (implicit released)", "the box shows the implicit weak gone")
	assert.Contains(t, dropA, "| value dropped (was 5)", "the box shows the value gone and what it was")

	assert.Equal(t, "upgrade failed: the value is gone (I7)\n\n", stepOutput(t, out, "upgrade w c", 1),
		"Upgrade of a dropped value fails and changes nothing, so no picture follows")
	assert.Contains(t, stepOutput(t, out, "drop c", 1), "no handle named c",
		"a failed upgrade does not create its destination")

	dropW := stepOutput(t, out, "drop w", 1)
	assert.Contains(t, dropW, "#1 weak 1 -> 0, allocation freed (I5)", "the last Weak frees the allocation")
	assert.Contains(t, dropW, "+-- #1 freed ", "the freed allocation is drawn in the step that frees it")
	assert.NotContains(t, stepOutput(t, out, "show", 1), "#1",
		"a freed allocation is drawn once, then leaves the picture")
}

func TestMisuseIsRefusedWithTheLibrarysError(t *testing.T) {
	out := run(t, "new a 5\ndrop a\ndrop a\ndrop a\nclone a b\ndowngrade a w\nnew x 1\nmove x y\ndrop x\n")
	for n := 1; n <= 2; n++ {
		assert.Equalf(t, "refused: rc: Drop: handle already dropped\n\n", stepOutput(t, out, "drop a", n+1),
			"dropping twice is refused with the library's message, every time it is retried (retry %d)", n)
	}
	assert.Contains(t, stepOutput(t, out, "clone a b", 1), "refused: rc: Clone: handle already dropped",
		"a use after drop is refused, not a crash")
	assert.Contains(t, stepOutput(t, out, "downgrade a w", 1), "refused: rc: Downgrade: handle already dropped",
		"downgrading a dropped handle is refused")
	assert.Contains(t, stepOutput(t, out, "drop x", 1),
		"refused: rc: Drop: handle was moved out (use the handle Move returned)",
		"Move leaves its source empty, and the library says so")
}

func TestGetMutNeedsStrongOneAndNoWeak(t *testing.T) {
	out := run(t, "new a 5\ngetmut a\ndowngrade a w\ngetmut a 9\ndrop w\ngetmut a 9\nclone a b\ngetmut b\n")
	assert.Contains(t, stepOutput(t, out, "getmut a", 1), "value 5 -> 6 in place",
		"getmut without a value adds one")
	assert.Contains(t, stepOutput(t, out, "getmut a 9", 1),
		"refused: GetMut needs strong 1 and no Weak (I6); a has strong 1, weak 1",
		"a Weak could upgrade and alias the write, so GetMut refuses even with strong 1 (I6)")
	assert.Contains(t, stepOutput(t, out, "getmut a 9", 2), "value 6 -> 9 in place",
		"once the Weak is gone, the same getmut succeeds")
	assert.Contains(t, stepOutput(t, out, "getmut b", 1), "b has strong 2, weak 0",
		"another strong handle refuses GetMut too, and the counts say why")
}

func TestMakeMutCases(t *testing.T) {
	out := run(t, "new a 5\nmakemut a\nclone a b\nmakemut a 10\ndowngrade a w\nmakemut a 20\nupgrade w c\n")
	inPlace := stepOutput(t, out, "makemut a", 1)
	assert.Contains(t, inPlace, "in place: a is the only handle to #1 (I6)", "a unique handle writes in place")
	assert.Contains(t, inPlace, "#1 value 5 -> 6", "and the change is to the same allocation")

	cloned := stepOutput(t, out, "makemut a 10", 1)
	assert.Contains(t, cloned, "cloned: other strong handles share #1, so a gets a copy in #2; they keep #1",
		"a shared value is copied on write")
	assert.Contains(t, cloned, "#1 strong 2 -> 1", "the original keeps the other handle")
	assert.Contains(t, cloned, "#2 new: strong 1, weak 0 (+1 implicit, I4), value 10", "the copy is a new allocation")

	moved := stepOutput(t, out, "makemut a 20", 1)
	assert.Contains(t, moved, "moved: only Weaks share #2, so the value moves to #3 without a clone",
		"with only Weaks left, MakeMut moves the value instead of cloning it")
	assert.Contains(t, moved, "#2 strong 1 -> 0, value moved out (I2), implicit weak released (I4), kept for 1 Weak (I3)",
		"the old allocation is left to the Weak, its value moved out, not dropped")
	assert.Contains(t, moved, "| value moved out (was 10)", "the box says the value moved out")
	assert.Contains(t, stepOutput(t, out, "upgrade w c", 1), "upgrade failed: the value is gone (I7)",
		"the Weak left behind cannot upgrade to the moved value")
}

func TestUnwrapNeedsTheOnlyStrongHandle(t *testing.T) {
	out := run(t, "new a 5\nclone a b\nunwrap a\ndrop b\ndowngrade a w\nunwrap a\nunwrap a\n")
	assert.Equal(t, "refused: rc: TryUnwrap returned false: 2 strong handles share it (I6)\n\n", stepOutput(t, out, "unwrap a", 1),
		"TryUnwrap refuses while another strong handle shares the value, and changes nothing")
	taken := stepOutput(t, out, "unwrap a", 2)
	assert.Contains(t, taken, "got 5: the caller owns it now, and a is empty", "the last strong handle gets the value")
	assert.Contains(t, taken, "value moved out (I2), implicit weak released (I4), kept for 1 Weak (I3)",
		"a Weak does not stop TryUnwrap: it is left with a dead allocation")
	assert.Contains(t, stepOutput(t, out, "unwrap a", 3), "refused: rc: TryUnwrap: handle was consumed by TryUnwrap, IntoInner or UnwrapOrClone",
		"the unwrapped handle is used up")
}

func TestWeakCommands(t *testing.T) {
	out := run(t, "dangling d\nupgrade d e\nclone d f\nnew a 1\ndowngrade a w\nclone w v\nmove v u\ndrop w\ndrop w\n")
	assert.Contains(t, stepOutput(t, out, "dangling d", 1), "dangling: d", "a dangling Weak points at no allocation")
	assert.Contains(t, stepOutput(t, out, "upgrade d e", 1), "upgrade failed: d is dangling",
		"a dangling Weak never upgrades")
	assert.Contains(t, stepOutput(t, out, "clone d f", 1), "dangling: d, f", "cloning a dangling Weak gives another")
	assert.Contains(t, stepOutput(t, out, "clone w v", 1), "#1 weak 1 -> 2", "Weak.Clone adds one Weak")
	assert.Contains(t, stepOutput(t, out, "move v u", 1), "strong: a   weak: u, w", "Move hands the Weak over")
	assert.Contains(t, stepOutput(t, out, "drop w", 2), "refused: rc: Weak.Drop: handle already dropped",
		"a Weak dropped twice is refused too")
}

func TestLearnersMistakesGetClearMessages(t *testing.T) {
	out := run(t, "frobnicate\nnew a\nnew a x\nnew 9a 1\nnew a 1\nnew a 2\nupgrade a b\ndowngrade zz b\ndangling w\ndowngrade w v\n")
	cases := map[string]string{
		"frobnicate":     `unknown command "frobnicate": type help for the list`,
		"new a":          "usage: new NAME INT",
		"new a x":        `usage: new NAME INT ("x" is not a whole number)`,
		"new 9a 1":       `"9a" is not a handle name`,
		"new a 2":        "a still holds a handle: drop or move it first",
		"upgrade a b":    "a is a strong handle; upgrade needs a Weak",
		"downgrade zz b": "no handle named zz",
		"downgrade w v":  "w is a Weak; downgrade needs a strong handle",
	}
	for command, want := range cases {
		assert.Containsf(t, stepOutput(t, out, command, 1), want, "%q should be answered with a clear message", command)
	}
}
