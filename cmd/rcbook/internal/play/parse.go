package play

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/suggest"
)

// stripComment returns line without its comment (from # to the end) and
// without surrounding spaces.
func stripComment(line string) string {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	return strings.TrimSpace(line)
}

// parse splits a command line into the command's name and its arguments,
// and checks the number of arguments against the command table.
func parse(line string) (command, []string, error) {
	if len(line) > maxLineLen {
		return command{}, nil, fmt.Errorf("a command is at most %d characters; this one has %d", maxLineLen, len(line))
	}
	words := strings.Fields(line)
	c, ok := lookupCommand(words[0])
	if !ok {
		var names []string
		for _, c := range commands {
			names = append(names, c.name)
		}
		if near := suggest.Nearest(words[0], names, 2); near != "" {
			return command{}, nil, fmt.Errorf("unknown command %q: did you mean %s? (help lists them)", words[0], near)
		}
		return command{}, nil, fmt.Errorf("unknown command %q: type help for the list", words[0])
	}
	args := words[1:]
	if len(args) < c.minArgs || len(args) > c.maxArgs {
		return command{}, nil, fmt.Errorf("usage: %s", c.usage)
	}
	return c, args, nil
}

// checkName refuses a name the picture could not show unambiguously, or
// in its width. A name is a letter followed by letters, digits or
// underscores, maxNameLen at most.
func checkName(name string) error {
	if len(name) > maxNameLen {
		return fmt.Errorf("%.20q... is too long for a handle name: %d characters at most", name, maxNameLen)
	}
	for i, r := range name {
		if !(unicode.IsLetter(r) || r == '_' || (i > 0 && unicode.IsDigit(r))) {
			return fmt.Errorf("%q is not a handle name: use a letter, then letters, digits or _", name)
		}
	}
	return nil
}

// intArg parses the value argument of new, getmut and makemut.
func intArg(c command, s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("usage: %s (%q is not a whole number)", c.usage, s)
	}
	return n, nil
}

// valueArg reads the optional value argument of getmut and makemut,
// before the operation runs, so that a bad argument changes nothing. Without
// it the command adds one to the old value, which write works out.
func valueArg(c command, args []string) (write, error) {
	if len(args) < 2 {
		return write{}, nil
	}
	n, err := intArg(c, args[1])
	return write{value: n, given: true}, err
}

// write is what getmut and makemut store: the given value, or old + 1.
type write struct {
	value int
	given bool
}

func (w write) to(old int) int {
	if w.given {
		return w.value
	}
	return old + 1
}

// plural writes a count with its noun: "1 Weak", "2 Weaks".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
