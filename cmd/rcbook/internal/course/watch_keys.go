package course

import (
	"bufio"
	"context"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// readKeys sends the learner's keys on a channel, closed at the end of in.
// With lines false, in is a terminal in raw mode and every character is a
// key; with lines true, every line is one key, its first letter, and an
// empty line is r. Enter is r, Ctrl-C and Ctrl-D are q (a raw terminal
// sends them as characters, not as a signal and an end of input), and
// letters are lower-cased. The reading goroutine stays blocked in Read when
// ctx ends first; for standard input that lasts only until the program
// exits.
func readKeys(ctx context.Context, in io.Reader, lines bool) <-chan rune {
	keys := make(chan rune)
	if in == nil {
		close(keys)
		return keys
	}
	send := func(k rune) bool {
		select {
		case keys <- key(k):
			return true
		case <-ctx.Done():
			return false
		}
	}
	go func() {
		defer close(keys)
		if lines {
			scan := bufio.NewScanner(in)
			for scan.Scan() {
				k, _ := utf8.DecodeRuneInString(strings.TrimSpace(scan.Text()) + "\n")
				if !send(k) {
					return
				}
			}
			return
		}
		r := bufio.NewReader(in)
		for {
			k, _, err := r.ReadRune()
			if err != nil || !send(k) {
				return
			}
		}
	}()
	return keys
}

// key is the watcher's key for a character typed.
func key(r rune) rune {
	switch r {
	case '\r', '\n':
		return 'r'
	case 0x03, 0x04: // Ctrl-C, Ctrl-D
		return 'q'
	}
	return unicode.ToLower(r)
}
