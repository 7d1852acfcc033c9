package rc_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestTracedFastPathsMatch keeps fast_rctrace.go a copy of fast.go's fast
// paths with the notes added, and nothing else: the traced build must
// exercise the same code that ships.
func TestTracedFastPathsMatch(t *testing.T) {
	note := regexp.MustCompile("\tif trace\\.Enabled \\{\n(\t\t.*\n)+\t\\}\n")
	functions := func(name string) string {
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		_, body, found := strings.Cut(string(src), "// tryIncStrongFast")
		require.True(t, found, "%s must hold tryIncStrongFast", name)
		return body
	}
	plain, traced := functions("fast.go"), functions("fast_rctrace.go")
	require.Len(t, note.FindAllString(traced, -1), 3, "each of the three fast paths notes its change")
	require.Equal(t, plain, note.ReplaceAllString(traced, ""),
		"fast_rctrace.go must be fast.go's fast paths plus the notes: copy any change made to fast.go")
}
