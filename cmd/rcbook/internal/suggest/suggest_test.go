package suggest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/suggest"
)

func TestNearestAcceptsTyposAndPrefixesOnly(t *testing.T) {
	words := []string{"clone", "drop", "downgrade", "next"}
	cases := []struct{ word, want, why string }{
		{"clnoe", "clone", "two letters swapped are two edits"},
		{"dorp", "drop", "a swap in a short word"},
		{"down", "downgrade", "a prefix names the word it starts"},
		{"nxet", "next", "a field name's typo"},
		{"zzzz", "", "nothing is close"},
	}
	for _, c := range cases {
		assert.Equalf(t, c.want, suggest.Nearest(c.word, words, 2), "%s: %q", c.why, c.word)
	}
	assert.Equal(t, "", suggest.Nearest("x", []string{"a"}, 0),
		"with no edits allowed only a prefix is suggested: one letter is not a typo of another")
	assert.Equal(t, "root", suggest.Nearest("ro", []string{"a", "root"}, 0), "a prefix is still suggested")
}

func TestDistance(t *testing.T) {
	assert.Equal(t, 0, suggest.Distance("drop", "drop"))
	assert.Equal(t, 1, suggest.Distance("drop", "drops"), "one insertion")
	assert.Equal(t, 2, suggest.Distance("drop", "dorp"), "a swap is two substitutions")
	assert.Equal(t, 4, suggest.Distance("", "drop"))
}
