package serve

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// get fetches path from srv and returns its status and body.
func get(t *testing.T, srv *httptest.Server, path string) (int, string) {
	t.Helper()
	res, err := srv.Client().Get(srv.URL + path)
	require.NoError(t, err, "GET %s", path)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res.StatusCode, string(body)
}

func newServer(t *testing.T) (*httptest.Server, *Book) {
	t.Helper()
	h, err := Handler(os.DirFS(root))
	require.NoError(t, err, "the embedded book and templates must load")
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	b, err := loadBook()
	require.NoError(t, err)
	return srv, b
}

func TestEveryPageIsServedWithItsNavigation(t *testing.T) {
	srv, b := newServer(t)
	code, index := get(t, srv, "/")
	require.Equal(t, http.StatusOK, code)
	for _, p := range append(append([]*Page{}, b.Chapters...), b.Exercises...) {
		has(t, index, `href="`+p.URL+`"`, "the contents link %s", p.Source)
		code, body := get(t, srv, p.URL)
		require.Equal(t, http.StatusOK, code, "%s is served at %s", p.Source, p.URL)
		has(t, body, "<title>"+templateEscape(p.Title), "%s has its title", p.URL)
		if p.Prev != nil {
			has(t, body, `rel="prev" href="`+p.Prev.URL+`"`, "%s links the page before it", p.URL)
		}
		if p.Next != nil {
			has(t, body, `rel="next" href="`+p.Next.URL+`"`, "%s links the page after it", p.URL)
		}
		for _, s := range p.Scenarios {
			has(t, body, `href="/play?scenario=`+s.Name+`"`, "%s opens its scenario %s in the playground", p.URL, s.Name)
		}
	}
	_, ch := get(t, srv, "/book/03-clone-and-drop")
	has(t, ch, `<pre class="code lang-go"><code>`, "Go code is marked as Go")
	has(t, ch, `<span class="k">func</span>`, "Go code is highlighted")
	assert.False(t, strings.Contains(ch, `href="../`), "no relative link escapes the served book")
	code, _ = get(t, srv, "/book/no-such-chapter")
	assert.Equal(t, http.StatusNotFound, code, "an unknown page is not found")
	code, css := get(t, srv, "/static/style.css")
	assert.Equal(t, http.StatusOK, code, "the stylesheet is served")
	has(t, css, ".alloc", "the stylesheet styles the playground's picture")
}

// has checks that page holds want, without printing the whole page when
// it does not.
func has(t *testing.T, page, want string, msgAndArgs ...any) {
	t.Helper()
	if !strings.Contains(page, want) {
		assert.Fail(t, "missing "+strconv.Quote(want), msgAndArgs...)
	}
}

// templateEscape is how html/template writes a title's text.
func templateEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

func TestPlayListsEveryScenarioAndOpensOne(t *testing.T) {
	srv, b := newServer(t)
	code, body := get(t, srv, "/play")
	require.Equal(t, http.StatusOK, code)
	for _, s := range b.Scenarios {
		has(t, body, `href="`+s.URL()+`"`, "the playground lists scenario %s", s.Name)
	}
	s := b.Scenarios[0]
	_, body = get(t, srv, s.URL())
	first, _, _ := strings.Cut(s.Script, "\n")
	has(t, body, templateEscape(first), "the scenario's script is in the editor")
	code, _ = get(t, srv, "/play?scenario=no-such")
	assert.Equal(t, http.StatusNotFound, code, "an unknown scenario is not found")
}

// post replays script through the API.
func post(t *testing.T, srv *httptest.Server, body string) (int, []Step) {
	t.Helper()
	res, err := srv.Client().Post(srv.URL+"/api/play", "application/json", strings.NewReader(body))
	require.NoError(t, err)
	defer res.Body.Close()
	var out struct{ Steps []Step }
	if res.StatusCode == http.StatusOK {
		require.NoError(t, json.NewDecoder(res.Body).Decode(&out), "the API answers JSON")
	}
	return res.StatusCode, out.Steps
}

func TestAPIReplaysAScriptStepByStep(t *testing.T) {
	srv, _ := newServer(t)
	script, _ := json.Marshal(map[string]string{"script": "# make one\nnew a 5\nclone a b\ndrop a\ndrop b\ndrop b\n"})
	code, steps := post(t, srv, string(script))
	require.Equal(t, http.StatusOK, code)
	require.Len(t, steps, 5, "one step per command line")
	assert.Equal(t, "make one", steps[0].Narration, "the comment before a command narrates it")
	require.Len(t, steps[1].State.Allocs, 1)
	assert.Equal(t, 2, steps[1].State.Allocs[0].Strong, "after clone, two strong handles")
	assert.Equal(t, "freed", steps[3].State.Allocs[0].State, "the last drop frees the allocation")
	assert.Equal(t, 0, steps[3].State.Live, "nothing is live after the last drop")
	assert.NotEmpty(t, steps[3].State.Journal, "the destructor's run is in the journal")
	require.Nil(t, steps[3].Refusal)
	assert.True(t, steps[4].Refusal != nil || steps[4].Problem != "", "dropping a spent handle is refused or reported")

	code, _ = post(t, srv, "not json")
	assert.Equal(t, http.StatusBadRequest, code, "a body that is not JSON is a bad request")
	big, _ := json.Marshal(map[string]string{"script": strings.Repeat("new a 5\n", maxScript/8+1)})
	code, _ = post(t, srv, string(big))
	assert.Equal(t, http.StatusBadRequest, code, "a script over the limit is refused")
}

func TestAPIShowsARefusalWithItsRule(t *testing.T) {
	srv, _ := newServer(t)
	script, _ := json.Marshal(map[string]string{"script": "new a 5\ndowngrade a w\ndrop a\nupgrade w b\n"})
	_, steps := post(t, srv, string(script))
	require.Len(t, steps, 4)
	last := steps[3]
	if last.Refusal == nil {
		assert.NotEmpty(t, last.Output, "upgrading a dangling Weak says it failed")
		return
	}
	assert.NotEmpty(t, last.Refusal.Message, "a refusal carries the library's message")
}

func TestAPIShowsACycleLeakedAndAWeakParentFreed(t *testing.T) {
	srv, _ := newServer(t)
	for _, c := range []struct {
		script, state string
		leaked        bool
	}{
		{strongCycle, "alive", true},
		{weakParent, "freed", false},
	} {
		body, _ := json.Marshal(map[string]string{"script": c.script})
		code, steps := post(t, srv, string(body))
		require.Equal(t, http.StatusOK, code)
		require.Len(t, steps, 6, "one step per command")
		last := steps[5].State
		require.Len(t, last.Allocs, 2, "the last step shows both allocations")
		for _, a := range last.Allocs {
			assert.Equal(t, c.state, a.State, "#%d after both names are dropped, script:\n%s", a.ID, c.script)
			assert.Equal(t, c.leaked, a.Leaked, "#%d leaked, script:\n%s", a.ID, c.script)
		}
	}
}

func TestAPIRepliesToRequestsSideBySide(t *testing.T) {
	srv, _ := newServer(t)
	body, _ := json.Marshal(map[string]string{"script": strongCycle})
	_, want := post(t, srv, string(body))
	results := make(chan []Step, 8)
	for range cap(results) {
		go func() {
			res, err := srv.Client().Post(srv.URL+"/api/play", "application/json", strings.NewReader(string(body)))
			if err != nil {
				results <- nil
				return
			}
			defer res.Body.Close()
			var out struct{ Steps []Step }
			_ = json.NewDecoder(res.Body).Decode(&out)
			results <- out.Steps
		}()
	}
	for range cap(results) {
		assert.Equal(t, want, <-results, "a replay gives the same steps however many run at once")
	}
}

func TestAPIReportsALearnersMistakeApartFromARefusal(t *testing.T) {
	srv, _ := newServer(t)
	body, _ := json.Marshal(map[string]string{"script": "new a 5\nclone nobody b\n"})
	_, steps := post(t, srv, string(body))
	require.Len(t, steps, 2)
	assert.NotEmpty(t, steps[1].Problem, "an unknown name is the learner's mistake, shown as a problem")
	assert.Nil(t, steps[1].Refusal, "the library refused nothing: it was never called")
	assert.Equal(t, steps[0].State, steps[1].State, "a mistake changes nothing")
}
