package serve

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// library is a stand-in for the library's folder.
var library = fstest.MapFS{
	"go.mod":           {Data: []byte("module github.com/rcbook/rcbook\n")},
	"rc/drop.go":       {Data: []byte("package rc\n\n// dropSlow runs the destructor.\nfunc dropSlow() {}\n")},
	"rc/doc.go":        {Data: []byte("// Package rc <is> Rc.\npackage rc\n")},
	"rc/testdata/x.go": {Data: []byte("package x\n")},
	"rc/.hidden":       {Data: []byte("no\n")},
	"rc/race.test":     {Data: []byte("\x7fELF")},
}

func codeServer(t *testing.T, source *fstest.MapFS) *httptest.Server {
	t.Helper()
	var h http.Handler
	var err error
	if source == nil {
		h, err = Handler(nil)
	} else {
		h, err = Handler(*source)
	}
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func TestCodeShowsALibraryFileWithNumberedHighlightedLines(t *testing.T) {
	srv := codeServer(t, &library)
	code, body := get(t, srv, "/code/rc/drop.go")
	require.Equal(t, http.StatusOK, code, "a file of the library is shown")
	has(t, body, `<span class="line" id="L4">`, "each line has an anchor a link can point at (#L4)")
	has(t, body, `<span class="k">func</span>`, "Go is highlighted as in the book")
	has(t, body, `<span class="c">// dropSlow runs the destructor.</span>`, "comments are marked")
	has(t, body, `href="/code/rc/"`, "the breadcrumb leads back to the folder")
	has(t, body, `href="`+repository+`rc/drop.go"`, "the same file on GitHub is one click away")

	_, doc := get(t, srv, "/code/rc/doc.go")
	has(t, doc, "&lt;is&gt;", "the source is escaped, never taken as HTML")
}

func TestCodeListsAFolderWithoutHiddenOrBinaryFiles(t *testing.T) {
	srv := codeServer(t, &library)
	code, body := get(t, srv, "/code/rc/")
	require.Equal(t, http.StatusOK, code)
	has(t, body, `href="/code/rc/testdata/"`, "sub-folders are listed")
	has(t, body, `href="/code/rc/drop.go"`, "source files are listed")
	assert.NotContains(t, body, ".hidden", "hidden files are not listed")
	assert.NotContains(t, body, "race.test", "files that are not source are not listed")

	code, _ = get(t, srv, "/code/rc/race.test")
	assert.Equal(t, http.StatusNotFound, code, "a file that is not source is not shown")
	_, root := get(t, srv, "/code/")
	has(t, root, `href="/code/rc/"`, "/code/ lists the library's root")
}

// noFollow fetches path from srv without following a redirect.
func noFollow(t *testing.T, srv *httptest.Server, path string) *http.Response {
	t.Helper()
	c := *srv.Client()
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	res, err := c.Get(srv.URL + path)
	require.NoError(t, err, "GET %s", path)
	res.Body.Close()
	return res
}

func TestCodeSendsToGitHubWhatThisMachineLacks(t *testing.T) {
	res := noFollow(t, codeServer(t, &library), "/code/arc/arc.go")
	assert.Equal(t, http.StatusFound, res.StatusCode, "a file this copy lacks is on GitHub")
	assert.Equal(t, repository+"arc/arc.go", res.Header.Get("Location"))

	res = noFollow(t, codeServer(t, nil), "/code/rc/drop.go")
	assert.Equal(t, repository+"rc/drop.go", res.Header.Get("Location"), "without a copy of the library, every file is on GitHub")
}

func TestCodeStaysInsideTheLibrary(t *testing.T) {
	srv := codeServer(t, &library)
	for _, path := range []string{"/code/../go.mod", "/code/rc/../../etc/passwd", "/code/%2e%2e/go.mod"} {
		res := noFollow(t, srv, path)
		assert.NotEqual(t, http.StatusOK, res.StatusCode, "%s must not leave the library's folder", path)
		assert.NotEqual(t, http.StatusInternalServerError, res.StatusCode, path)
	}
}

// codeLink matches a link of a rendered page to /code/.
var codeLink = regexp.MustCompile(`href="(/code/[^"#]*)`)

func TestEveryCodeLinkOfTheBookIsInTheRepository(t *testing.T) {
	srv, b := newServer(t)
	links := 0
	for _, p := range append(append([]*Page{}, b.Chapters...), b.Exercises...) {
		for _, m := range codeLink.FindAllStringSubmatch(string(p.HTML), -1) {
			links++
			res := noFollow(t, srv, m[1])
			assert.Equal(t, http.StatusOK, res.StatusCode, "%s links %s, which the checkout must have", p.Source, m[1])
		}
	}
	assert.Greater(t, links, 100, "the chapters link the code that implements them")
}
