package play

import (
	"bytes"
	"io"
	"strings"
)

// Width is the most columns a line play prints may take: a projector, a
// split terminal and the book's code blocks all show 100.
const Width = 100

// wrapWriter writes whole lines to w, breaking each line wider than Width
// at a space, and the rest under it indented four spaces past the line's
// own indent. A word wider than Width on its own is cut.
type wrapWriter struct {
	w       io.Writer
	pending []byte // the start of a line not yet ended by a newline
}

func (ww *wrapWriter) Write(p []byte) (int, error) {
	ww.pending = append(ww.pending, p...)
	for {
		i := bytes.IndexByte(ww.pending, '\n')
		if i < 0 {
			return len(p), nil
		}
		line := string(ww.pending[:i])
		ww.pending = ww.pending[i+1:]
		for _, l := range wrapLine(line) {
			if _, err := io.WriteString(ww.w, l+"\n"); err != nil {
				return 0, err
			}
		}
	}
}

// wrapLine breaks line into lines of at most Width columns (bytes: play
// prints ASCII, and a learner's odd name is at worst cut mid-rune).
func wrapLine(line string) []string {
	if len(line) <= Width {
		return []string{line}
	}
	indent := strings.Repeat(" ", min(len(line)-len(strings.TrimLeft(line, " "))+4, Width/2))
	var lines []string
	for len(line) > Width {
		cut := strings.LastIndexByte(line[:Width+1], ' ')
		if cut <= len(indent) {
			cut = Width
		}
		lines = append(lines, strings.TrimRight(line[:cut], " "))
		line = indent + strings.TrimLeft(line[cut:], " ")
	}
	return append(lines, line)
}
