// Package docscheck keeps the book honest: every code excerpt in a chapter
// is a real declaration from the repository, and every printed output is
// the output an Example test pins, so nothing in a chapter can drift from
// the code.
//
// A chapter marks each block with an HTML comment on the line before it:
//
//	<!-- code: rc/drop.go#box.dropSlow -->
//	```go
//	...the declaration, with its doc comment, exactly as in the file...
//	```
//
//	<!-- output: rc#ExampleNewWithCleanup -->
//	```output
//	...exactly the Example's // Output: lines...
//	```
//
// A code reference names a file and a declaration in it: a function
// (dropSlow), a method (box.dropSlow), a type, or a const/var by one of
// its names; or just a file, for a whole small file. An output reference
// names a package directory and an Example function in its _test.go files.
// Every ```go block needs a code marker and every ```output block an
// output marker; other blocks (```sh, ```text diagrams) are free. A
// benchmark figure in the prose is a `<!-- figure: NAME -->` marker
// followed by its number, checked against docs/figures.tsv (figures.go). The
// book's Rust programs have markers of their own (rust.go): a ```rust
// block quotes a program, and its output is checked by running it. Blocks
// inside a `<!-- lab NAME: begin -->` region are the lab's to check.
package docscheck

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Report is the result of checking a set of chapters.
type Report struct {
	Chapters int      // chapters read
	Snippets int      // code and output blocks verified
	Figures  int      // figure markers verified (figures.go)
	Problems []string // one line per drift or broken reference
}

var (
	marker = regexp.MustCompile(`^<!-- (code|output|rust|rust-output): (\S+) -->$`)
	fence  = regexp.MustCompile("^```(\\w*)\\s*$")
)

// Check verifies every chapter (*.md) in dir against the repository rooted
// at root. With update, drifted blocks are rewritten from their sources.
func Check(root, dir string, update bool) (Report, error) {
	var r Report
	chapters, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil {
		return r, err
	}
	sort.Strings(chapters)
	var rust rustRunner
	table := &figureTable{root: root}
	for _, path := range chapters {
		r.Chapters++
		if err := checkChapter(root, path, update, &r, &rust, table); err != nil {
			return r, err
		}
	}
	return r, nil
}

func checkChapter(root, path string, update bool, r *Report, rust *rustRunner, table *figureTable) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	lines := strings.Split(string(raw), "\n")
	name := filepath.Base(path)
	changed := false
	inLab := false
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		switch {
		case strings.HasPrefix(line, "<!-- lab ") && strings.HasSuffix(line, ": begin -->"):
			inLab = true
			continue
		case strings.HasPrefix(line, "<!-- lab ") && strings.HasSuffix(line, ": end -->"):
			inLab = false
			continue
		}
		m := fence.FindStringSubmatch(line)
		if m == nil && strings.Contains(line, "<!-- figure: ") {
			fixed, n, problems := checkFigures(line, table, update)
			r.Figures += n
			for _, p := range problems {
				r.Problems = append(r.Problems, fmt.Sprintf("%s:%d: %s", name, i+1, p))
			}
			if fixed != line {
				lines[i], changed = fixed, true
			}
		}
		if m == nil || inLab {
			continue
		}
		end := closing(lines, i)
		if end < 0 {
			r.Problems = append(r.Problems, fmt.Sprintf("%s:%d: unclosed code block", name, i+1))
			return nil
		}
		lang, body := m[1], strings.Join(lines[i+1:end], "\n")
		var ref []string
		if i > 0 {
			ref = marker.FindStringSubmatch(lines[i-1])
		}
		want, problem := expected(root, lang, ref, rust)
		switch {
		case problem != "":
			r.Problems = append(r.Problems, fmt.Sprintf("%s:%d: %s", name, i+1, problem))
		case want == nil:
			// a free block: shell commands, diagrams
		case *want == body:
			r.Snippets++
		case update:
			lines = append(lines[:i+1], append(strings.Split(*want, "\n"), lines[end:]...)...)
			end = i + 1 + len(strings.Split(*want, "\n"))
			changed = true
			r.Snippets++
		default:
			r.Problems = append(r.Problems, fmt.Sprintf("%s:%d: the block has drifted from %s %s (run `rcbook docs check -update`)",
				name, i+1, ref[1], ref[2]))
		}
		i = end
	}
	if changed {
		return os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644)
	}
	return nil
}

// closing returns the index of the fence that closes the block opened at i.
func closing(lines []string, i int) int {
	for j := i + 1; j < len(lines); j++ {
		if strings.TrimSpace(lines[j]) == "```" {
			return j
		}
	}
	return -1
}

// blockOf is the kind of block each marker must be followed by.
var blockOf = map[string]string{"code": "go", "output": "output", "rust": "rust", "rust-output": "output"}

// expected returns what a block must contain, nil for a free block, or the
// reason the block cannot be checked.
func expected(root, lang string, ref []string, rust *rustRunner) (*string, string) {
	switch {
	case lang == "go" && (ref == nil || ref[1] != "code"):
		return nil, "a ```go block needs a <!-- code: FILE#DECL --> marker on the line before it"
	case lang == "rust" && (ref == nil || ref[1] != "rust"):
		return nil, "a ```rust block needs a <!-- rust: FILE --> marker on the line before it"
	case lang == "output" && (ref == nil || (ref[1] != "output" && ref[1] != "rust-output")):
		return nil, "an ```output block needs a <!-- output: DIR#ExampleName --> or <!-- rust-output: FILE --> marker on the line before it"
	case ref != nil && blockOf[ref[1]] != lang:
		return nil, "a " + ref[1] + " marker must be followed by a ```" + blockOf[ref[1]] + " block"
	case ref == nil:
		return nil, "" // a free block: shell commands, diagrams
	}
	file, decl, _ := strings.Cut(ref[2], "#")
	var text string
	var err error
	switch ref[1] {
	case "code":
		text, err = Declaration(filepath.Join(root, file), decl)
	case "output":
		text, err = ExampleOutput(filepath.Join(root, file), decl)
	case "rust":
		text, _, err = RustProgram(filepath.Join(root, file))
	case "rust-output":
		text, err = rust.output(filepath.Join(root, file))
	}
	if err != nil {
		return nil, err.Error()
	}
	return &text, ""
}
