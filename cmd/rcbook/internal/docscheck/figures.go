package docscheck

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/figures"
)

// A benchmark figure in prose or in a table is a marker followed by the
// number, so that the rendered page shows only the number:
//
//	Clone+Drop costs <!-- figure: clone-drop-checked-vs-plain -->2.88× the plain counter.
//
// The marker names a line of docs/figures.tsv (package figures), and the
// number right after it must be that line's value, digit for digit. A unit
// may follow the number; if it is one of the units a figure can have (×,
// ns, B, allocs) it must be the figure's. A marker inside an inline code
// span is an example of the syntax and is not checked. With update, a
// number that differs is rewritten from the file.

var (
	figureMarker = regexp.MustCompile(`<!-- figure: (\S+) -->`)
	figureNumber = regexp.MustCompile(`^[0-9][0-9.]*`)
)

// figureTable is docs/figures.tsv, read once, the first time a marker
// needs it.
type figureTable struct {
	root string
	file *figures.File
	err  error
}

func (t *figureTable) lookup(name string) (figures.Figure, error) {
	if t.file == nil && t.err == nil {
		t.file, t.err = figures.Read(filepath.Join(t.root, figures.Path))
		if t.err != nil {
			t.err = fmt.Errorf("figure marker: %v (`rcbook docs figures -update` measures and writes it)", t.err)
		}
	}
	if t.err != nil {
		return figures.Figure{}, t.err
	}
	f, ok := t.file.Lookup(name)
	if !ok {
		return f, fmt.Errorf("figure marker: no figure %s in %s", name, figures.Path)
	}
	return f, nil
}

// checkFigures checks the figure markers on one line of prose. It returns
// the line (with drifted numbers rewritten if update), how many figures
// matched, and a problem for each that did not.
func checkFigures(line string, t *figureTable, update bool) (string, int, []string) {
	var problems []string
	matched := 0
	var out strings.Builder
	last := 0
	for _, m := range figureMarker.FindAllStringSubmatchIndex(line, -1) {
		if strings.Count(line[:m[0]], "`")%2 == 1 {
			continue // inside a code span: the syntax shown, not used
		}
		name := line[m[2]:m[3]]
		rest := line[m[1]:]
		fig, err := t.lookup(name)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		num := strings.TrimRight(figureNumber.FindString(rest), ".") // a full stop ends a sentence, not a number
		if num == "" {
			problems = append(problems, fmt.Sprintf("figure %s: no number after the marker (want %s)", name, fig.Text()))
			continue
		}
		if u := unitAfter(rest[len(num):]); u != "" && u != fig.Unit {
			problems = append(problems, fmt.Sprintf("figure %s: the text gives it in %s, but it is in %s", name, u, fig.Unit))
			continue
		}
		switch {
		case num == fig.Value:
			matched++
		case update:
			out.WriteString(line[last:m[1]])
			out.WriteString(fig.Value)
			last = m[1] + len(num)
			matched++
		default:
			problems = append(problems, fmt.Sprintf("figure %s: the text says %s, %s has %s (run `rcbook docs check -update`)",
				name, num, figures.Path, fig.Value))
		}
	}
	if last == 0 {
		return line, matched, problems
	}
	out.WriteString(line[last:])
	return out.String(), matched, problems
}

// unitAfter returns the unit that text starts with, if it is one a figure
// can have: × right after the number, the others after a space.
func unitAfter(text string) string {
	if strings.HasPrefix(text, "×") {
		return "×"
	}
	for _, u := range figures.Units {
		rest, ok := strings.CutPrefix(text, " "+u)
		if ok && (rest == "" || !unicode.IsLetter([]rune(rest)[0])) {
			return u
		}
	}
	return ""
}
