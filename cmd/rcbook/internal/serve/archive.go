package serve

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/course"
)

//go:generate go run gen_book.go ../../../.. book.txtar

// bookText is the book as this rcbook serves it: the markdown and scenario
// files that bookFiles names, packed by gen_book.go. A test fails when it no
// longer matches the repository.
//
//go:embed book.txtar
var bookText []byte

// BookComment heads the embedded archive, so that whoever opens the file
// knows where it comes from.
const BookComment = `The book as rcbook serve shows it: docs/chapters/*.md, docs/benchmarks.md,
docs/workshop.md, exercises/*/README.md, docs/play/*.txt and
docs/play/scenarios.tsv, packed by
go generate ./cmd/rcbook/internal/serve (gen_book.go). Do not edit: change
those files and run go generate again; a test fails until you do.
`

// bookFiles are the patterns, relative to the repository's root, of the
// files the book pages and the playground's scenarios are made from.
var bookFiles = []string{
	"docs/chapters/*.md",
	"docs/benchmarks.md",
	"docs/workshop.md",
	"exercises/*/README.md",
	"docs/play/*.txt",
	"docs/play/scenarios.tsv",
}

// PackBook reads the files of bookFiles under the repository root into an
// archive, by their slash-separated paths from the root. It refuses a file
// that the archive's text form would not give back byte for byte (one that
// does not end with a newline, or has a line that reads as a file marker).
func PackBook(root string) (*course.Archive, error) {
	a := &course.Archive{Comment: BookComment, Files: map[string][]byte{}}
	for _, pattern := range bookFiles {
		paths, err := filepath.Glob(filepath.Join(root, filepath.FromSlash(pattern)))
		if err != nil {
			return nil, err
		}
		if len(paths) == 0 {
			return nil, fmt.Errorf("no file in %s matches %s", root, pattern)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				return nil, err
			}
			rel, _ := filepath.Rel(root, p)
			a.Files[filepath.ToSlash(rel)] = data
		}
	}
	back, err := course.ParseArchive(a.Format())
	if err != nil {
		return nil, err
	}
	for _, name := range a.Names() {
		if !bytes.Equal(back.Files[name], a.Files[name]) {
			return nil, fmt.Errorf("%s: the archive would change it (does it end with a newline, and has it no line like \"-- NAME --\"?)", name)
		}
	}
	return a, nil
}

// shippedBook is the embedded archive, parsed once.
var shippedBook = sync.OnceValues(func() (*course.Archive, error) {
	a, err := course.ParseArchive(bookText)
	if err != nil {
		return nil, fmt.Errorf("the book embedded in rcbook is damaged: %w", err)
	}
	return a, nil
})

// matching returns the paths of a's files that match pattern, sorted.
func matching(a *course.Archive, pattern string) []string {
	var names []string
	for name := range a.Files {
		if ok, _ := filepath.Match(pattern, name); ok {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}
