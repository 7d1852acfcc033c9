package serve

import (
	"fmt"
	"html/template"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/rcbook/rcbook/cmd/rcbook/internal/course"
)

// Book is every page the server renders from the embedded archive: the
// chapters in reading order (then benchmarks.md and the workshop kit,
// docs/workshop.md), the exercises' READMEs,
// and the playground's scenarios.
type Book struct {
	Chapters  []*Page
	Exercises []*Page
	Scenarios []Scenario
	bySlug    map[string]*Page // "/book/04-weak", "/exercises/01-cleanup"
}

// Page is one rendered markdown file.
type Page struct {
	URL       string        // where the server shows it: /book/04-weak
	Source    string        // its path in the repository
	Number    string        // "04", "A1", or "" (benchmarks, workshop)
	Title     string        // its first heading
	Time      string        // an exercise's time estimate, from its "Time:" line
	HTML      template.HTML // the page rendered
	Prev      *Page         // the page before it in its list, if any
	Next      *Page         // the page after it, if any
	Scenarios []Scenario    // the play scripts the index lists for the chapter
}

// Scenario is one play script of docs/play, as docs/play/scenarios.tsv
// lists it: a session the playground replays step by step.
type Scenario struct {
	Name     string   // the file's name without .txt: "04-misuse"
	Chapters []string // the chapters it illustrates: "08", "10"
	Title    string   // the index's title for it
	Script   string   // the whole file
}

// Short is the scenario's title up to its first colon: "Misuse".
func (s Scenario) Short() string {
	short, _, _ := strings.Cut(s.Title, ":")
	return strings.TrimSuffix(short, ".")
}

// URL is the playground opened on the scenario.
func (s Scenario) URL() string { return "/play?scenario=" + s.Name }

// scenarioIndex is the file that lists the scenarios: a header line, then
// one line per script, "file<TAB>chapters<TAB>title", the chapters
// comma-separated two-digit numbers.
const scenarioIndex = "docs/play/scenarios.tsv"

// readScenarios reads the scenario index of archive a and the scripts it
// names. Every script of docs/play must be listed, and every listed file
// must exist, so that no scenario is missing from the playground's list.
func readScenarios(a *course.Archive) ([]Scenario, error) {
	index, ok := a.Files[scenarioIndex]
	if !ok {
		return nil, fmt.Errorf("%s is missing", scenarioIndex)
	}
	lines := strings.Split(strings.TrimSuffix(string(index), "\n"), "\n")
	if len(lines) == 0 || lines[0] != "file\tchapters\ttitle" {
		return nil, fmt.Errorf("%s: the first line must be the header file<TAB>chapters<TAB>title", scenarioIndex)
	}
	var list []Scenario
	listed := map[string]bool{}
	for i, line := range lines[1:] {
		cols := strings.Split(line, "\t")
		if len(cols) != 3 || cols[0] == "" || strings.TrimSpace(cols[2]) == "" {
			return nil, fmt.Errorf("%s:%d: want file<TAB>chapters<TAB>title, got %q", scenarioIndex, i+2, line)
		}
		file := "docs/play/" + cols[0]
		if listed[file] {
			return nil, fmt.Errorf("%s:%d: %s is listed twice", scenarioIndex, i+2, cols[0])
		}
		script, ok := a.Files[file]
		if !ok || path.Ext(file) != ".txt" {
			return nil, fmt.Errorf("%s:%d: no script %s", scenarioIndex, i+2, file)
		}
		s := Scenario{Name: strings.TrimSuffix(cols[0], ".txt"), Title: strings.TrimSpace(cols[2]), Script: string(script)}
		for _, ch := range strings.Split(cols[1], ",") {
			if ch = strings.TrimSpace(ch); ch == "" {
				continue
			}
			if !chapterNumber.MatchString(ch) {
				return nil, fmt.Errorf("%s:%d: chapter %q: want a chapter's number as its file starts, 07 or A1", scenarioIndex, i+2, ch)
			}
			s.Chapters = append(s.Chapters, ch)
		}
		listed[file] = true
		list = append(list, s)
	}
	for _, file := range matching(a, "docs/play/*.txt") {
		if !listed[file] {
			return nil, fmt.Errorf("%s is not listed in %s", file, scenarioIndex)
		}
	}
	return list, nil
}

// chapterNumber is how a chapter is named in the scenario index: the
// number its file's name starts with.
var chapterNumber = regexp.MustCompile(`^([0-9]{2}|A[0-9])$`)

var (
	heading  = regexp.MustCompile(`(?m)^# (.+)$`)
	timeLine = regexp.MustCompile(`(?m)^Time: (.+?)\.?$`)
	number   = regexp.MustCompile(`^([0-9A-Z][0-9]+)-`)
)

// loadBook renders every page of the embedded archive.
func loadBook() (*Book, error) {
	a, err := shippedBook()
	if err != nil {
		return nil, err
	}
	b := &Book{bySlug: map[string]*Page{}}
	if b.Scenarios, err = readScenarios(a); err != nil {
		return nil, err
	}
	chapters := append(matching(a, "docs/chapters/*.md"), "docs/benchmarks.md", "docs/workshop.md")
	for _, name := range chapters {
		slug := strings.TrimSuffix(path.Base(name), ".md")
		p, err := b.add("/book/"+slug, name, a.Files[name])
		if err != nil {
			return nil, err
		}
		for _, s := range b.Scenarios {
			if p.Number != "" && slices.Contains(s.Chapters, p.Number) {
				p.Scenarios = append(p.Scenarios, s)
			}
		}
		b.Chapters = append(b.Chapters, p)
	}
	for _, name := range matching(a, "exercises/*/README.md") {
		p, err := b.add("/exercises/"+path.Base(path.Dir(name)), name, a.Files[name])
		if err != nil {
			return nil, err
		}
		if m := timeLine.FindSubmatch(a.Files[name]); m != nil {
			p.Time = string(m[1])
		}
		b.Exercises = append(b.Exercises, p)
	}
	link(b.Chapters)
	link(b.Exercises)
	return b, nil
}

// add renders the markdown file at repository path source as the page at url.
func (b *Book) add(url, source string, md []byte) (*Page, error) {
	html, err := render(source, md)
	if err != nil {
		return nil, fmt.Errorf("rendering %s: %w", source, err)
	}
	p := &Page{URL: url, Source: source, HTML: template.HTML(html), Title: source}
	p.Number = numberOf(path.Base(strings.TrimSuffix(url, "/")))
	if m := heading.FindSubmatch(md); m != nil {
		p.Title = string(m[1])
	}
	b.bySlug[url] = p
	return p, nil
}

// numberOf returns the number a file's name starts with: "07" for
// 07-cycles-and-trees, "A1" for the appendix.
func numberOf(name string) string {
	if m := number.FindStringSubmatch(name); m != nil {
		return m[1]
	}
	return ""
}

// link sets each page's previous and next page in the list.
func link(pages []*Page) {
	for i, p := range pages {
		if i > 0 {
			p.Prev = pages[i-1]
		}
		if i+1 < len(pages) {
			p.Next = pages[i+1]
		}
	}
}

// Page returns the page shown at url, or nil.
func (b *Book) Page(url string) *Page { return b.bySlug[url] }
