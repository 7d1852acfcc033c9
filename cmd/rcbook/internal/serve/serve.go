// Package serve is `rcbook serve`: a local web server, working offline from
// files embedded in rcbook, that shows the book and a playground where the
// real library is drawn live.
//
// The book is the markdown of docs/chapters, docs/benchmarks.md and the
// exercises' READMEs, packed into book.txtar by go generate (a test fails
// when the archive is out of date) and rendered to HTML with goldmark when
// the server starts.
//
// The playground (/play) replays scripts in play's command language, the
// language of `rcbook play` and of docs/play. The browser sends the whole
// script to POST /api/play; the server runs it from a fresh session against
// the real packages rc, weak and cell and answers with a snapshot after
// every command ({"steps": [...]}, play.Step). The browser draws each
// snapshot as SVG, so stepping back is showing an earlier snapshot, and the
// server keeps no session: nothing to expire, nothing shared between tabs,
// and a link that encodes the script reproduces the session exactly. The
// alternative, compiling the library to WebAssembly, would ship the whole
// library (and Go's runtime) to the browser as a second build to keep
// working; replay keeps the real library running natively, and stateless.
//
// Everything is served from the binary or this machine: no CDN, no network.
// Links in the book to the library's source files open /code/, which shows
// them from the library's own folder on this machine (code.go).
package serve

import (
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"strings"
)

//go:embed assets
var assets embed.FS

// maxScript bounds a script the API replays: far more than any lesson
// needs, little enough that a replay is quick.
const maxScript = 64 << 10

// Handler returns the server's routes: the book under /book/ and
// /exercises/, the library's source under /code/ (read from source, the
// library's module folder; nil sends those links to GitHub), the
// playground at /play, its API at /api/play, and the stylesheet and
// scripts under /static/. The error is for an embedded archive or template
// that cannot be read, which the tests rule out.
func Handler(source fs.FS) (http.Handler, error) {
	book, err := loadBook()
	if err != nil {
		return nil, err
	}
	pages, err := template.New("").Funcs(template.FuncMap{"json": toJSON}).ParseFS(assets, "assets/*.html")
	if err != nil {
		return nil, err
	}
	static, _ := fs.Sub(assets, "assets/static")
	s := &server{book: book, pages: pages, source: source}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.index)
	mux.Handle("GET /book/{$}", http.RedirectHandler("/", http.StatusFound))
	mux.HandleFunc("GET /book/{slug}", s.page)
	mux.Handle("GET /exercises/{$}", http.RedirectHandler("/#exercises", http.StatusFound))
	mux.HandleFunc("GET /exercises/{slug}", s.page)
	mux.HandleFunc("GET /code/{path...}", s.code)
	mux.HandleFunc("GET /play", s.play)
	mux.HandleFunc("POST /api/play", s.api)
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	return mux, nil
}

// server holds what the handlers share: the book, rendered once, the page
// templates and the library's source.
type server struct {
	book   *Book
	pages  *template.Template
	source fs.FS // the library's module folder, or nil
}

// view is what a page template is given.
type view struct {
	Title    string
	Book     *Book
	Page     *Page    // a chapter or an exercise, on their pages
	Scenario Scenario // the playground's first script
	Nav      string   // which part of the site the header marks as current
}

func (s *server) index(w http.ResponseWriter, r *http.Request) {
	s.show(w, "index.html", view{Title: "rcbook", Book: s.book, Nav: "book"})
}

func (s *server) page(w http.ResponseWriter, r *http.Request) {
	p := s.book.Page(r.URL.Path)
	if p == nil {
		http.NotFound(w, r)
		return
	}
	nav := "book"
	if strings.HasPrefix(p.URL, "/exercises/") {
		nav = "exercises"
	}
	s.show(w, "page.html", view{Title: p.Title, Book: s.book, Page: p, Nav: nav})
}

// play shows the playground, with the scenario the query names (?scenario=
// 04-misuse) in its editor; the page's script then reads any script and
// step from the URL's fragment, which a shared link carries.
func (s *server) play(w http.ResponseWriter, r *http.Request) {
	v := view{Title: "Playground", Book: s.book, Nav: "play"}
	if name := r.URL.Query().Get("scenario"); name != "" {
		for _, sc := range s.book.Scenarios {
			if sc.Name == name {
				v.Scenario = sc
			}
		}
		if v.Scenario.Name == "" {
			http.Error(w, fmt.Sprintf("no scenario %q in docs/play", name), http.StatusNotFound)
			return
		}
	}
	s.show(w, "play.html", v)
}

// api replays a script: {"script": "..."} in, {"steps": [...]} out.
func (s *server) api(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Script string `json:"script"`
	}
	body := http.MaxBytesReader(w, r.Body, maxScript)
	if err := json.NewDecoder(body).Decode(&req); err != nil {
		http.Error(w, "the body must be JSON, {\"script\": \"...\"}, at most 64 KiB: "+err.Error(), http.StatusBadRequest)
		return
	}
	steps := runScript(req.Script)
	if steps == nil {
		steps = []Step{}
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(struct {
		Steps []Step `json:"steps"`
	}{steps})
}

// show renders a page template.
func (s *server) show(w http.ResponseWriter, name string, v any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := s.pages.ExecuteTemplate(w, name, v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// toJSON is the templates' json function: a value as JSON, for a script
// element the page's JavaScript reads.
func toJSON(v any) (template.JS, error) {
	b, err := json.Marshal(v)
	return template.JS(b), err
}
