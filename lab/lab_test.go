package lab

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRuleInNamesTheFirstInvariantCited(t *testing.T) {
	assert.Equal(t, "I5", RuleIn("panic: rc: Get: use after free (I5)"))
	assert.Equal(t, "I3", RuleIn("live allocations: ... (I3, I5) (expected 0, got 1)"),
		"with several rules cited, the first is the one the check is about")
	assert.Equal(t, "model", RuleIn("StrongCount of s1 (expected 2, got 1)"),
		"a plain disagreement with the model cites no rule")
}

func TestReplaceRewritesOnlyTheRegion(t *testing.T) {
	doc := "intro\n<!-- lab x: begin -->\nold\n<!-- lab x: end -->\noutro\n"
	out, err := Replace(doc, "x", "new\n")
	require.NoError(t, err)
	assert.Equal(t, "intro\n<!-- lab x: begin -->\nnew\n<!-- lab x: end -->\noutro\n", out)
	_, err = Replace(doc, "y", "new\n")
	assert.Error(t, err, "a missing region is an error, not a silent no-op")
}

func TestExploreFindsNoViolationInTheRealImplementation(t *testing.T) {
	res := Explore(3)
	require.Nil(t, res.Violation)
	assert.Equal(t, 3, res.Depth)
	assert.Greater(t, res.States, 100, "depth 3 already reaches hundreds of distinct states")
}
