package play_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/rcbook/rcbook/rctest"
)

// reusedRefusal is the library's refusal of op through a handle made for
// generation handleGen of a header a pool has since handed out again, in
// generation headerGen, as play prints it.
func reusedRefusal(op string, handleGen, headerGen int) string {
	return fmt.Sprintf("refused: %s: use after free: the allocation was freed and its pool reused the header "+
		"(handle generation %d, header generation %d) (I5)\n\n", op, handleGen, headerGen)
}

// TestPoolCommandChecksItsArgument shows that a session has at most one
// pool, of a size that is a whole number of at least 0, and that each
// mistake is the learner's, answered without changing the pool.
func TestPoolCommandChecksItsArgument(t *testing.T) {
	out := run(t, "pool x\npool -1\npool 2\npool 3\npool 2\nshow\n")
	assert.Contains(t, stepOutput(t, out, "pool x", 1), `usage: pool N ("x" is not a whole number)`,
		"the size is parsed like every other whole number in play")
	assert.Equal(t, "usage: pool N (-1 is negative: a pool keeps 0 or more freed headers)\n\n",
		stepOutput(t, out, "pool -1", 1), "a negative size is the learner's mistake, caught before pool.NewPool panics")
	made := stepOutput(t, out, "pool 2", 1)
	assert.Contains(t, made, "a pool that keeps up to 2 freed headers", "a valid size makes the pool")
	assert.Contains(t, made, "pool: 0 of 2 headers waiting", "a new pool holds no header yet, and the picture says so")
	const twice = "the session already has a pool of 2: pnew takes its headers from it\n\n"
	assert.Equal(t, twice, stepOutput(t, out, "pool 3", 1),
		"a second pool is refused, and nothing is drawn because nothing changed")
	assert.Equal(t, twice, stepOutput(t, out, "pool 2", 2),
		"a second pool is refused even when it has the same size")
	assert.Contains(t, stepOutput(t, out, "show", 1), "pool: 0 of 2 headers waiting",
		"the refused pool commands leave the first pool as it was")
}

// TestPnewNeedsAPool shows that pnew without a pool is the learner's
// mistake and allocates nothing, and that after pool it allocates.
func TestPnewNeedsAPool(t *testing.T) {
	out := run(t, "pnew a 1\nshow\npool 0\npnew a 1\n")
	assert.Equal(t, "make a pool first: pool N\n\n", stepOutput(t, out, "pnew a 1", 1),
		"pnew has no header to take without a pool, and says how to make one")
	assert.Equal(t, "nothing allocated, no handles\n\n", stepOutput(t, out, "show", 1),
		"the refused pnew made no allocation and no name")
	assert.Contains(t, stepOutput(t, out, "pool 0", 1), "a null pool",
		"a pool of 0 is allowed: it keeps nothing")
	assert.Contains(t, stepOutput(t, out, "pnew a 1", 2), "#1 new: strong 1, weak 0 (+1 implicit, I4), value 1",
		"with a pool, pnew allocates like new")
}

// TestReusedHeaderIsANewAllocation shows that a header the pool hands out
// again is numbered as a new allocation, says whose header it reuses, and
// shows its generation, while the freed allocation stays out of the
// picture.
func TestReusedHeaderIsANewAllocation(t *testing.T) {
	out := run(t, "pool 1\npnew a 5\ndrop a\npnew b 7\nnew z 9\n")
	assert.Contains(t, stepOutput(t, out, "pnew a 5", 1), "+-- #1 live, gen 1 ---",
		"a pooled header is in generation 1 in its first life, and the title says so")
	freed := stepOutput(t, out, "drop a", 1)
	assert.Contains(t, freed, "+-- #1 freed, gen 1 ---", "the freed allocation keeps its generation in the title")
	assert.Contains(t, freed, "pool: 1 of 1 headers waiting", "the freed header went back to the pool")

	reused := stepOutput(t, out, "pnew b 7", 1)
	assert.Contains(t, reused, "#2 new: strong 1, weak 0 (+1 implicit, I4), value 7\n#2 reuses the header of #1 (generation 2)\n",
		"the same header alive again is a new allocation with a new number, and the change lines say whose header it was")
	assert.Contains(t, reused, "+-- #2 live, gen 2 ---", "the title shows the header's second life")
	assert.NotContains(t, reused, "+-- #1", "the retired allocation is never redrawn with the new life's data")
	assert.Contains(t, reused, "pool: 0 of 1 headers waiting", "pnew took the header out of the pool")

	assert.Contains(t, stepOutput(t, out, "new z 9", 1), "+-- #3 live ----",
		"rc.New's headers stay in generation 0, drawn without a generation as before pools")
}

// TestStaleCopyIsRefusedAndChangesNothing shows that a copy made without
// Clone, once its header is reused, is refused by the library with both
// generations, for a strong handle and for a Weak, and that the new owner's
// counts do not move.
func TestStaleCopyIsRefusedAndChangesNothing(t *testing.T) {
	rctest.RequireChecks(t)
	out := run(t, "pool 1\npnew a 5\ncopy a c\ndrop a\npnew b 7\nclone c d\ndrop c\ndrop c\nshow\ndrop d\n"+
		"downgrade b w\ncopy w v\ndrop w\ndrop b\npnew e 9\nupgrade v f\nclone v u\nshow\n")
	assert.Contains(t, stepOutput(t, out, "copy a c", 1),
		"c := a copies the handle without Clone: both point at #1, but strong still counts 1",
		"a copy changes no count, and play says so")
	assert.Contains(t, stepOutput(t, out, "drop a", 1), "stale: c (#1 freed)",
		"once the allocation is freed, the copy is listed as stale")
	assert.Contains(t, stepOutput(t, out, "pnew b 7", 1), "stale: c (#1 freed; its header was reused for #2)",
		"after reuse, the picture says who holds the stale handle's header now")

	assert.Equal(t, reusedRefusal("rc: Clone", 1, 2), stepOutput(t, out, "clone c d", 1),
		"Clone through the stale copy is refused with both generations, and no picture follows: nothing changed")
	for n := 1; n <= 2; n++ {
		assert.Equalf(t, reusedRefusal("rc: Drop", 1, 2), stepOutput(t, out, "drop c", n),
			"Drop through the stale copy is refused every time (try %d), and b keeps its share", n)
	}
	shown := stepOutput(t, out, "show", 1)
	assert.Contains(t, shown, "+-- #2 live, gen 2 ---", "b's allocation is still live")
	assert.Contains(t, shown, "| strong 1   weak 0 (+1 implicit)", "the refusals changed no count of b's")
	assert.Contains(t, shown, "| value 7 (alive)", "the refusals left b's value alone")
	assert.Contains(t, stepOutput(t, out, "drop d", 1), "no handle named d", "the refused clone made no name")

	assert.Contains(t, stepOutput(t, out, "copy w v", 1), "but weak still counts 1",
		"a Weak can be copied without Clone too, counted nowhere")
	assert.Contains(t, stepOutput(t, out, "pnew e 9", 1), "#3 reuses the header of #2 (generation 3)",
		"the header is reused once more when the copied Weak's allocation is freed")
	assert.Equal(t, reusedRefusal("rc: Weak.Upgrade", 2, 3), stepOutput(t, out, "upgrade v f", 1),
		"a stale Weak cannot upgrade to the header's next life")
	assert.Equal(t, reusedRefusal("rc: Weak.Clone", 2, 3), stepOutput(t, out, "clone v u", 1),
		"nor clone into it")
	assert.Contains(t, stepOutput(t, out, "show", 2), "| strong 1   weak 0 (+1 implicit)",
		"e's counts did not move")
}

// TestCopyWhileAliveStealsAShare shows the other half of the lesson: while
// the allocation lives, a copy passes every check, so dropping it gives up
// the original's share and leaves the original stale.
func TestCopyWhileAliveStealsAShare(t *testing.T) {
	rctest.RequireChecks(t) // play refuses copy where a stale copy would go unseen
	out := run(t, "pool 1\npnew p 3\ncopy p q\ndrop q\n")
	dropped := stepOutput(t, out, "drop q", 1)
	assert.Contains(t, dropped, "#1 strong 1 -> 0, value dropped (I2), implicit weak released (I4), allocation freed (I5)",
		"the copy's drop is the last strong drop: the copy gave up the share p seemed to hold")
	assert.Contains(t, dropped, "stale: p (#1 freed)   empty: q (dropped)", "p is left pointing at a freed allocation")

	out = run(t, "pool 1\npnew p 3\ncopy p q\ndrop q\ndrop p\n")
	assert.Equal(t, "refused: rc: Drop: use after free (I5)\n\n", stepOutput(t, out, "drop p", 1),
		"p's own drop comes after the free: refused, though the header waits unused in the pool")
}

// TestStrongCopyOutlivingItsValueIsStale shows a strong copy left behind
// when the value dies but a Weak keeps the allocation: it is no strong
// handle any more, and the picture says so instead of listing it as one.
func TestStrongCopyOutlivingItsValueIsStale(t *testing.T) {
	rctest.RequireChecks(t)
	out := run(t, "pool 1\npnew a 5\ncopy a c\ndowngrade a w\ndrop a\nclone c d\n")
	dead := stepOutput(t, out, "drop a", 1)
	assert.Contains(t, dead, "kept for 1 Weak (I3)", "the Weak keeps the allocation after the value is dropped")
	assert.Contains(t, dead, "  weak: w   stale: c (strong, but the value is gone)\n",
		"the copy still looks strong, but strong is 0: the picture calls it stale")

	rctest.RequireChecks(t) // the rest needs the header checks
	assert.Equal(t, "refused: rc: Clone: value already dropped: this strong handle outlived its value "+
		"(was it copied without Clone?) (I2)\n\n", stepOutput(t, out, "clone c d", 1),
		"the library refuses the stale strong copy, and asks whether it was copied without Clone")
}

// TestPoolLineReportsSize follows the pool's Size through frees and reuse,
// including a Weak that keeps a freed value's header out of the pool until
// it is dropped, and checks that a session without a pool has no pool line.
func TestPoolLineReportsSize(t *testing.T) {
	out := run(t, "pool 2\npnew a 1\npnew b 2\ndrop a\ndrop b\npnew c 3\ndowngrade c w\ndrop c\ndrop w\n")
	want := []struct {
		command, size, why string
	}{
		{"pnew a 1", "0 of 2", "the first header comes from the heap: the pool is empty"},
		{"drop a", "1 of 2", "a freed header goes back to the pool"},
		{"drop b", "2 of 2", "the pool keeps up to its maximum"},
		{"pnew c 3", "1 of 2", "pnew takes one header back out"},
		{"drop c", "1 of 2", "a Weak keeps the dead value's header out of the pool"},
		{"drop w", "2 of 2", "the last Weak frees the header, and it returns to the pool"},
	}
	for _, w := range want {
		assert.Containsf(t, stepOutput(t, out, w.command, 1), "\npool: "+w.size+" headers waiting\n",
			"after %q: %s", w.command, w.why)
	}
	assert.Contains(t, stepOutput(t, out, "drop c", 1), "kept for 1 Weak (I3)",
		"the allocation stays for the Weak after the last strong drop")

	plain := run(t, "new a 1\ndrop a\nshow\n")
	assert.NotContains(t, plain, "pool:", "without a pool the picture has no pool line, as before pools")
}

// TestHelpListsThePoolCommands checks that help names the new commands and
// that copy's line warns that go vet flags such copies.
func TestHelpListsThePoolCommands(t *testing.T) {
	out := run(t, "help\n")
	for _, c := range []string{"pool N", "pnew NAME INT", "copy SRC DST"} {
		assert.Containsf(t, out, "  "+c+" ", "help lists %q", c)
	}
	assert.Contains(t, out, "go vet flags it", "copy's doc says that real code copying a handle is flagged")
	assert.Contains(t, out, "gen 2", "the legend explains the generation in a pooled box's title")
}
