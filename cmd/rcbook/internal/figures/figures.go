// Package figures keeps the book's benchmark figures in one data file,
// docs/figures.tsv, and measures them. Nobody types a figure: `rcbook docs
// figures -update` runs the benchmarks, computes every figure of the list
// in book.go, and rewrites the file; a chapter quotes a figure as
//
//	<!-- figure: clonedrop-checked-vs-plain -->2.88×
//
// and `rcbook docs check` fails when the number after the marker is not the
// file's (package docscheck). The rendered page shows only the number.
//
// The file is tab-separated, one figure a line, after comment lines that
// start with #:
//
//	name    value  unit  how                                   command                               measured
//	clonedrop-checked-vs-plain  2.88  ×  CloneDrop / PlainCloneDrop, ...  go test -run '^$' -bench ...  2026-05-01
//
// value is the number exactly as the book prints it, unit one of ×, ns, B
// and allocs, how says which benchmarks and which statistic, command
// measures the figure on its own, and measured is the day it was measured.
package figures

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strings"
)

// Path is where the data file lives, relative to the module root.
const Path = "docs/figures.tsv"

// Figure is one line of the data file.
type Figure struct {
	Name     string // what a chapter's marker names: clonedrop-checked-vs-plain
	Value    string // the number as the book prints it: 2.88
	Unit     string // ×, ns, B or allocs
	How      string // the benchmarks it comes from and the statistic
	Command  string // a go test command line that measures it
	Measured string // the day it was measured, YYYY-MM-DD
}

// Units lists the units a figure may have. A ratio (×) is written right
// after its number, the others after a space: 2.88×, 4.65 ns, 48 B.
var Units = []string{"×", "ns", "B", "allocs"}

// Text is the figure as prose quotes it with its unit: 2.88×, 4.65 ns.
func (f Figure) Text() string {
	if f.Unit == "×" {
		return f.Value + f.Unit
	}
	return f.Value + " " + f.Unit
}

// header is the data file's column line.
const header = "name\tvalue\tunit\thow\tcommand\tmeasured"

// File is the data file: its comment lines (without the leading "# ") and
// its figures in order.
type File struct {
	Notes   []string
	Figures []Figure
}

// Lookup returns the figure called name.
func (f *File) Lookup(name string) (Figure, bool) {
	for _, fig := range f.Figures {
		if fig.Name == name {
			return fig, true
		}
	}
	return Figure{}, false
}

// Read reads the data file at path.
func Read(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f := &File{}
	seen := map[string]bool{}
	sawHeader := false
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case line == "":
			continue
		case strings.HasPrefix(line, "#"):
			f.Notes = append(f.Notes, strings.TrimPrefix(strings.TrimPrefix(line, "#"), " "))
			continue
		case !sawHeader:
			if line != header {
				return nil, fmt.Errorf("%s:%d: the first line after the comments must be the columns %q", path, n, header)
			}
			sawHeader = true
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 6 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 6 (%s)", path, n, len(cols), header)
		}
		fig := Figure{cols[0], cols[1], cols[2], cols[3], cols[4], cols[5]}
		if seen[fig.Name] {
			return nil, fmt.Errorf("%s:%d: figure %s listed twice", path, n, fig.Name)
		}
		if !knownUnit(fig.Unit) {
			return nil, fmt.Errorf("%s:%d: figure %s has unit %q, want one of %s", path, n, fig.Name, fig.Unit, strings.Join(Units, " "))
		}
		seen[fig.Name] = true
		f.Figures = append(f.Figures, fig)
	}
	if !sawHeader {
		return nil, fmt.Errorf("%s: no column line %q", path, header)
	}
	return f, sc.Err()
}

// Write writes f to path.
func (f *File) Write(path string) error {
	var b strings.Builder
	for _, note := range f.Notes {
		b.WriteString(strings.TrimRight("# "+note, " ") + "\n")
	}
	b.WriteString(header + "\n")
	for _, fig := range f.Figures {
		cols := []string{fig.Name, fig.Value, fig.Unit, fig.How, fig.Command, fig.Measured}
		for _, c := range cols {
			if c == "" || strings.ContainsAny(c, "\t\n") {
				return errors.New("figure " + fig.Name + ": a column is empty or holds a tab or a newline")
			}
		}
		b.WriteString(strings.Join(cols, "\t") + "\n")
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func knownUnit(u string) bool {
	for _, k := range Units {
		if u == k {
			return true
		}
	}
	return false
}

// Merge returns the figures of defs in order: the measured one where there
// is one, else the one old has. It is how a partial measurement (docs
// figures -only) updates some figures and keeps the rest; a figure that is
// in neither is an error that names it.
func Merge(defs []Def, measured []Figure, old *File) ([]Figure, error) {
	byName := map[string]Figure{}
	for _, f := range measured {
		byName[f.Name] = f
	}
	var figs []Figure
	for _, d := range defs {
		f, ok := byName[d.Name]
		if !ok {
			f, ok = old.Lookup(d.Name)
		}
		if !ok {
			return nil, fmt.Errorf("figure %s is neither measured nor in %s: measure it", d.Name, Path)
		}
		figs = append(figs, f)
	}
	return figs, nil
}
