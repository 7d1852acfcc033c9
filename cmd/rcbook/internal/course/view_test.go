package course

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestListShowsEachExerciseAndTheBar(t *testing.T) {
	c, p := loadFake(t)
	var out bytes.Buffer
	c.List(&out, p)
	assert.Equal(t, "01  Double a number  pending  <- next\n"+
		"02  A broken stub    pending\n"+
		"[--] 0/2\n", out.String())

	p.Mark("01-double", true)
	out.Reset()
	c.List(&out, p)
	assert.Equal(t, "01  Double a number  done\n"+
		"02  A broken stub    pending  <- next\n"+
		"[#-] 1/2\n", out.String())

	p.Mark("02-broken", true)
	out.Reset()
	c.List(&out, p)
	assert.Equal(t, "01  Double a number  done\n"+
		"02  A broken stub    done\n"+
		"[##] 2/2\n", out.String(), "all done: no next")
}

func TestHintsAreNumberedFromOne(t *testing.T) {
	c, _ := loadFake(t)
	var out bytes.Buffer
	require.NoError(t, Hints(&out, c.Exercises[1], 0))
	assert.Equal(t, "Hints for 02. A broken stub:\n\n"+
		"  1. Return a string.\n"+
		"  2. The string is `\"broken\"`.\n"+
		"  3. There is no third trick.\n", out.String())

	out.Reset()
	require.NoError(t, Hints(&out, c.Exercises[1], 2))
	assert.Equal(t, "Hint 2 of 3 for 02. A broken stub:\n\n  2. The string is `\"broken\"`.\n"+
		"\nStill stuck? The next one: rcbook exercises hint 2 3\n", out.String(),
		"one hint, and how to ask for the next")

	out.Reset()
	require.NoError(t, Hints(&out, c.Exercises[1], 3))
	assert.Equal(t, "Hint 3 of 3 for 02. A broken stub:\n\n  3. There is no third trick.\n"+
		"\nThat was the last hint. All of them at once: rcbook exercises hint 2 all\n", out.String(),
		"the last hint says it is the last")

	assert.EqualError(t, Hints(&out, c.Exercises[1], 4), "exercise 02 has hints 1 to 3, not 4")
}

func TestWrapIndentsUnderTheText(t *testing.T) {
	text := strings.Repeat("word ", 30)
	got := wrap("12. ", text, 40)
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	require.Greater(t, len(lines), 1)
	assert.True(t, strings.HasPrefix(lines[0], "  12. word"))
	for _, line := range lines {
		assert.LessOrEqual(t, len(line), 40, line)
	}
	for _, line := range lines[1:] {
		assert.True(t, strings.HasPrefix(line, "      word"), "continuations line up under the text: %q", line)
	}
	assert.Equal(t, "  1. "+strings.Repeat("x", 50)+"\n", wrap("1. ", strings.Repeat("x", 50), 40),
		"a word longer than the line stays whole")
}
