package serve

import (
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"slices"
	"strings"
)

// The book links to the library's source: a chapter names the files that
// implement it, and a reader follows the link to read the code beside the
// text. rcbook does not embed that source a second time: the library is on
// the reader's machine already, in the module cache for an installed rcbook
// (go install downloads the whole module) and in the checkout for one built
// there. The command passes that folder to Handler as source; /code/PATH
// shows a file of it, highlighted and with numbered lines, or lists a
// folder. Without a source, or for a file it lacks, /code/ sends the reader
// to the repository on GitHub instead, the one place that needs the network.

// codeFiles are the kinds of file /code/ shows: the library's Go, the
// book's Rust programs, the C of the cgo examples, go.mod and text.
var codeFiles = []string{".go", ".rs", ".c", ".h", ".s", ".mod", ".txt", ".md", ".tsv"}

// maxCode bounds a file /code/ shows; the library's largest is far smaller.
const maxCode = 1 << 20

// codeView is what code.html is given: a file's lines or a folder's entries.
type codeView struct {
	view
	Path    string     // slash-separated, from the repository's root; "" is the root
	Crumbs  []crumb    // the folders above Path, for the breadcrumb
	Lines   []codeLine // a file's lines
	Entries []crumb    // a folder's entries, folders first
	GitHub  string     // the same file on GitHub
}

// crumb is a link in the breadcrumb or in a folder's listing.
type crumb struct{ Name, URL string }

// codeLine is a numbered line of highlighted code.
type codeLine struct {
	N    int
	HTML template.HTML
}

// code serves /code/PATH from s.source.
func (s *server) code(w http.ResponseWriter, r *http.Request) {
	p := strings.Trim(r.PathValue("path"), "/")
	if p == "" {
		p = "."
	}
	if !fs.ValidPath(p) {
		http.NotFound(w, r)
		return
	}
	if s.source == nil {
		http.Redirect(w, r, repository+p, http.StatusFound)
		return
	}
	info, err := fs.Stat(s.source, p)
	if err != nil {
		http.Redirect(w, r, repository+p, http.StatusFound)
		return
	}
	v := codeView{view: view{Title: p, Book: s.book, Nav: "book"}, Path: p, Crumbs: crumbs(p), GitHub: repository + p}
	if info.IsDir() {
		v.Entries, err = listing(s.source, p)
	} else {
		v.Lines, err = codeLines(s.source, p, info)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	s.show(w, "code.html", v)
}

// crumbs returns a link to each folder above p, from the root down.
func crumbs(p string) []crumb {
	out := []crumb{{Name: "rcbook", URL: "/code/"}}
	if p == "." {
		return out
	}
	parts := strings.Split(p, "/")
	for i := range parts[:len(parts)-1] {
		out = append(out, crumb{Name: parts[i], URL: "/code/" + strings.Join(parts[:i+1], "/") + "/"})
	}
	return out
}

// listing returns the entries of folder p that /code/ can show, folders
// first, each sorted by name; hidden files and folders are left out.
func listing(source fs.FS, p string) ([]crumb, error) {
	entries, err := fs.ReadDir(source, p)
	if err != nil {
		return nil, err
	}
	var dirs, files []crumb
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		url := "/code/" + path.Join(p, name)
		switch {
		case e.IsDir():
			dirs = append(dirs, crumb{Name: name + "/", URL: url + "/"})
		case shown(name):
			files = append(files, crumb{Name: name, URL: url})
		}
	}
	return append(dirs, files...), nil
}

// shown reports whether /code/ shows a file of this name.
func shown(name string) bool {
	return slices.Contains(codeFiles, path.Ext(name)) || name == "LICENSE"
}

// codeLines reads file p and returns its lines, highlighted as the book's
// excerpts are.
func codeLines(source fs.FS, p string, info fs.FileInfo) ([]codeLine, error) {
	if !shown(path.Base(p)) || info.Size() > maxCode {
		return nil, fmt.Errorf("rcbook serve shows source files and text, not %s", p)
	}
	data, err := fs.ReadFile(source, p)
	if err != nil {
		return nil, err
	}
	lang := strings.TrimPrefix(path.Ext(p), ".")
	if lang == "rs" {
		lang = "rust"
	}
	text := strings.TrimSuffix(string(data), "\n")
	var lines []codeLine
	for i, line := range strings.Split(text, "\n") {
		// Each line is highlighted alone: the highlighter's only
		// multi-line token is a block comment or raw string, which
		// then loses its colour after its first line, and nothing else.
		h := html.EscapeString(line)
		if lang == "go" || lang == "rust" {
			h = highlight(lang, line)
		}
		lines = append(lines, codeLine{N: i + 1, HTML: template.HTML(h)})
	}
	return lines, nil
}
