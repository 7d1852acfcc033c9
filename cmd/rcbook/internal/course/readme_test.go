package course

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const goodReadme = `# 07. Seven

Follows chapter 05 (Weak).

Intro.

## Your task

Do it.

## Hints

Before the first item: not a hint.

- One,
  wrapped.

- Two.
1. Three.
## Next
- Not a hint.
`

func TestParseReadme(t *testing.T) {
	title, chapter, hints, err := parseReadme(goodReadme, 7)
	require.NoError(t, err)
	assert.Equal(t, "Seven", title)
	assert.Equal(t, "05 (Weak)", chapter)
	assert.Equal(t, []string{"One, wrapped.", "Two.", "Three."}, hints)

	_, _, _, err = parseReadme("# 07. Seven\r\nFollows chapter 05.\r\n## Your task\r\n## Hints\r\n- One.\r\n", 7)
	assert.NoError(t, err, "Windows line endings are fine")
}

func TestParseReadmeSaysWhatIsMissing(t *testing.T) {
	for name, c := range map[string]struct {
		text, problem string
	}{
		"no title":      {"Seven\n", `the first line must be "# 07. Title", not "Seven"`},
		"wrong number":  {"# 08. Eight\n", "the title says exercise 08 but the folder is exercise 07"},
		"empty":         {"", `the first line must be "# 07. Title", not ""`},
		"no chapter":    {"# 07. Seven\n## Your task\n## Hints\n- One.\n", `missing a line "Follows chapter NN (Name)."`},
		"no task":       {"# 07. Seven\nFollows chapter 05.\n## Hints\n- One.\n", `missing a "## Your task" section`},
		"no hint items": {"# 07. Seven\nFollows chapter 05.\n## Your task\n## Hints\nJust text.\n", `missing a "## Hints" section with at least one "- " item`},
		"nothing but the title": {"# 07. Seven\n",
			`missing a line "Follows chapter NN (Name).", a "## Your task" section, a "## Hints" section with at least one "- " item`},
	} {
		_, _, _, err := parseReadme(c.text, 7)
		assert.EqualError(t, err, c.problem, name)
	}
}
