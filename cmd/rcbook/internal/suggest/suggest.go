// Package suggest finds the word a typo was meant to be: rcbook's "did you
// mean" for its commands, and rcbook play's for its commands, field names
// and the learner's own handle names.
package suggest

import "strings"

// Nearest returns the candidate closest to word if it is close enough to be
// a typo of it: at most maxEdits edits away (Distance), or starting with
// word, which counts as one edit whatever the maximum. Among equally close
// candidates the first wins; "" if none is close enough.
func Nearest(word string, candidates []string, maxEdits int) string {
	best, bestEdits := "", 0
	for _, c := range candidates {
		edits := Distance(word, c)
		if strings.HasPrefix(c, word) {
			edits = min(edits, 1)
		} else if edits > maxEdits {
			continue
		}
		if best == "" || edits < bestEdits {
			best, bestEdits = c, edits
		}
	}
	return best
}

// Distance is the Levenshtein distance between a and b: the fewest
// insertions, deletions and substitutions of one byte that turn a into b.
func Distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
