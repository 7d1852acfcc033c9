package figures

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A partial measurement replaces the figures it measured and keeps the
// others, in the book's order; a figure nobody ever measured is an error.
func TestMergeKeepsWhatWasNotMeasuredAgain(t *testing.T) {
	defs := []Def{{Name: "a"}, {Name: "b"}, {Name: "c"}}
	old := &File{Figures: []Figure{{Name: "a", Value: "1"}, {Name: "b", Value: "2"}, {Name: "c", Value: "3"}}}
	got, err := Merge(defs, []Figure{{Name: "b", Value: "20"}}, old)
	require.NoError(t, err, "every figure is measured or in the file")
	assert.Equal(t, []Figure{{Name: "a", Value: "1"}, {Name: "b", Value: "20"}, {Name: "c", Value: "3"}}, got,
		"b is the new measurement; a and c stay as the file had them, in Book's order")

	_, err = Merge(append(defs, Def{Name: "d"}), nil, old)
	require.ErrorContains(t, err, "figure d is neither measured nor in docs/figures.tsv",
		"a new figure must be measured before the file can hold it")
}
