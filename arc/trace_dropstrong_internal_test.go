//go:build rctrace

package arc

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"
)

// dropStrong (the raw API's DecrementStrongCount, MakeMut, IntoInner)
// notes a drop that leaves strong handles behind at once, and the last
// one only once the value is gone (endValue), so that a history never
// shows strong 0 beside a value still alive.
func TestTraceDropStrongNotesASharedDropAndTheLastOnlyWhenTheValueIsGone(t *testing.T) {
	a := New(1)
	b := a.box
	c := a.Clone()
	DecrementStrongCount[int](c.IntoRaw())
	require.Regexp(t, regexp.MustCompile(`strong=1 weak=1 alive\s+at [^\n]*\n?$`), b.log.String(),
		"a drop that leaves a strong handle is the history's latest event, with the count it left")

	tok := a.IntoRaw()
	DecrementStrongCount[int](tok)
	history := b.log.String()
	require.NotRegexp(t, regexp.MustCompile(`strong=0 weak=\d+ alive`), history,
		"the last drop is not noted while the value is still alive: the history never shows strong 0 beside a live value (I2)")
	require.Regexp(t, regexp.MustCompile(`strong=0 weak=0 freed`), history, "the allocation's end is in the history")
}
