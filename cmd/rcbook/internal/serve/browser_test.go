package serve

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The playground in a real browser: Chromium, headless, driven over the
// DevTools protocol. It runs with RCBOOK_BROWSER=1 (.ci/run sets it and
// installs Chromium); RCBOOK_CHROMIUM names another Chromium than
// /usr/bin/chromium, and RCBOOK_SCREENSHOTS a folder to keep the
// screenshots in.

// browser starts Chromium on a fresh profile and returns a tab.
func browser(t *testing.T) context.Context {
	t.Helper()
	if os.Getenv("RCBOOK_BROWSER") != "1" {
		t.Skip("the browser test drives Chromium: run it with RCBOOK_BROWSER=1 (apt-get install chromium)")
	}
	exe := os.Getenv("RCBOOK_CHROMIUM")
	if exe == "" {
		exe = "/usr/bin/chromium"
	}
	_, err := os.Stat(exe)
	require.NoError(t, err, "RCBOOK_BROWSER=1 needs Chromium at %s (apt-get install chromium, or set RCBOOK_CHROMIUM)", exe)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1600, 1000),
	)
	ctx, cancelTab := chromedp.NewContext(alloc)
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
	})
	require.NoError(t, chromedp.Do(ctx), "Chromium must start")
	return ctx
}

// shots is where the test keeps its screenshots.
func shots(t *testing.T) string {
	dir := os.Getenv("RCBOOK_SCREENSHOTS")
	if dir == "" {
		return t.TempDir()
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	return dir
}

// do runs actions with a time limit, failing the test on an error.
func do(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	limited, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	require.NoError(t, chromedp.Do(limited, actions...), what)
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	limited, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(limited, chromedp.Evaluate[T](expr))
	require.NoError(t, err, "evaluating %s", expr)
	return v
}

// atStep waits until the playground shows step n of total.
func atStep(n, total int) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](fmt.Sprintf(
		`document.getElementById('position').textContent === 'Step %d of %d'`, n, total),
		chromedp.WithPollingTimeout(20*time.Second))
}

// allocState is one allocation as the picture shows it.
type allocState struct {
	ID     string `json:"id"`
	State  string `json:"state"`
	Leaked string `json:"leaked"`
}

// picture reads the allocations the SVG shows.
func picture(t *testing.T, ctx context.Context) []allocState {
	return eval[[]allocState](t, ctx, `[...document.querySelectorAll('#picture svg g.alloc')].map(g =>
		({id: g.dataset.alloc, state: g.dataset.state, leaked: g.dataset.leaked}))`)
}

// screenshot saves what the window shows as dir/name.png.
func screenshot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	limited, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	png, err := chromedp.Run(limited, chromedp.CaptureScreenshot())
	require.NoError(t, err, "screenshot %s", name)
	require.NoError(t, os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644))
}

// playScript types script into the playground's editor and runs it, then
// waits for the picture of its last step.
func playScript(t *testing.T, ctx context.Context, base, script string, steps int) {
	t.Helper()
	do(t, ctx, "open the playground and run the script",
		chromedp.Navigate(base+"/play"),
		chromedp.WaitVisible(chromedp.ID("script")),
		chromedp.SetValue(chromedp.ID("script"), script),
		chromedp.Click(chromedp.ID("run")),
		atStep(steps, steps),
	)
}

const strongCycle = `# a and b hold each other through next: a cycle of strong handles.
new a 1
new b 2
set a.next b
set b.next a
drop a
drop b
`

const weakParent = `# b points back at a through a Weak parent: no cycle of strong handles.
new a 1
new b 2
set a.next b
set b.parent a
drop a
drop b
`

func TestPlaygroundDrawsACycleThatLeaksAndAWeakThatDoesNot(t *testing.T) {
	ctx := browser(t)
	srv := httptest.NewServer(mustHandler(t))
	defer srv.Close()
	dir := shots(t)

	playScript(t, ctx, srv.URL, strongCycle, 6)
	got := picture(t, ctx)
	require.Len(t, got, 2, "after dropping both names the picture still shows both allocations")
	for _, a := range got {
		assert.Equal(t, "alive", a.State, "#%s is alive: the other holds it through next", a.ID)
		assert.Equal(t, "yes", a.Leaked, "#%s is marked leaked: no name reaches it", a.ID)
	}
	fields := eval[int](t, ctx, `document.querySelectorAll('#picture svg path.field.strong').length`)
	assert.Equal(t, 2, fields, "the two next fields are drawn as strong arrows")
	screenshot(t, ctx, dir, "play-cycle-leaked")

	playScript(t, ctx, srv.URL, weakParent, 6)
	last := picture(t, ctx)
	require.Len(t, last, 2, "the last step shows the two allocations it frees")
	for _, a := range last {
		assert.Equal(t, "freed", a.State, "#%s is freed: the Weak parent does not keep a alive", a.ID)
		assert.Equal(t, "no", a.Leaked, "#%s is not leaked", a.ID)
	}
	lastSVG := eval[string](t, ctx, `document.querySelector('#picture svg').outerHTML`)
	screenshot(t, ctx, dir, "play-weak-parent-freed")

	// Step back, with the button, then forward with the keyboard.
	do(t, ctx, "step back", chromedp.Click(chromedp.ID("back")), atStep(5, 6))
	before := picture(t, ctx)
	states := map[string]string{}
	for _, a := range before {
		states[a.ID] = a.State
	}
	assert.Equal(t, "alive", states["2"], "one step back, b is alive again: only a was dropped")
	assert.NotEqual(t, "freed", states["1"], "one step back, a is kept by b's Weak parent")
	weakArrows := eval[int](t, ctx, `document.querySelectorAll('#picture svg path.field.weak').length`)
	assert.Equal(t, 1, weakArrows, "b's parent is drawn as one Weak arrow")
	screenshot(t, ctx, dir, "play-weak-parent-step-5")

	do(t, ctx, "step forward with j",
		chromedp.Evaluate[chromedp.Void](`document.activeElement.blur()`),
		chromedp.KeyEvent("j"), atStep(6, 6))
	assert.Equal(t, lastSVG, eval[string](t, ctx, `document.querySelector('#picture svg').outerHTML`),
		"stepping forward again shows the same picture as before")
	do(t, ctx, "step back with the left arrow", chromedp.KeyEvent(kb.ArrowLeft), atStep(5, 6))
	do(t, ctx, "step back with k", chromedp.KeyEvent("k"), atStep(4, 6))
	do(t, ctx, "step forward with the right arrow", chromedp.KeyEvent(kb.ArrowRight), atStep(5, 6))

	// The implicit weak shows on the toggle only.
	svgText := `[...document.querySelectorAll('#picture svg text')].map(e => e.textContent).join('\n')`
	assert.NotContains(t, eval[string](t, ctx, svgText), "implicit", "the implicit weak is hidden by default")
	do(t, ctx, "show the implicit weak", chromedp.Click(chromedp.ID("implicit")))
	assert.Contains(t, eval[string](t, ctx, svgText), "implicit released",
		"with the toggle on, a's box says its implicit weak was released when its value was dropped")
	do(t, ctx, "hide the implicit weak again", chromedp.Click(chromedp.ID("implicit")))

	// The share link reproduces the step.
	share := eval[string](t, ctx, `document.getElementById('share').href`)
	u, err := url.Parse(share)
	require.NoError(t, err)
	do(t, ctx, "open the share link", chromedp.Navigate(share), atStep(5, 6))
	assert.Equal(t, before, picture(t, ctx), "the share link %s shows the same step", u.Path)
}

func TestPlaygroundControlsAreLabelledAndScenariosOpenFromChapters(t *testing.T) {
	ctx := browser(t)
	srv := httptest.NewServer(mustHandler(t))
	defer srv.Close()
	dir := shots(t)
	b, err := loadBook()
	require.NoError(t, err)

	var chapter *Page
	for _, p := range b.Chapters {
		if len(p.Scenarios) > 0 {
			chapter = p
			break
		}
	}
	require.NotNil(t, chapter, "some chapter has a scenario")
	s := chapter.Scenarios[0]
	do(t, ctx, "open a chapter",
		chromedp.Navigate(srv.URL+chapter.URL),
		chromedp.WaitVisible(chromedp.CSS("a.play-link")))
	screenshot(t, ctx, dir, "chapter")
	do(t, ctx, "open its scenario in one click",
		chromedp.Click(chromedp.CSS("a.play-link")),
		chromedp.WaitVisible(chromedp.ID("picture")),
		chromedp.Poll[chromedp.Void](`/^Step 1 of \d+$/.test(document.getElementById('position').textContent)`,
			chromedp.WithPollingTimeout(20*time.Second)))
	assert.Equal(t, s.Script, eval[string](t, ctx, `document.getElementById('script').value`),
		"the playground opens with the scenario's script")
	narration := eval[string](t, ctx, `(document.querySelector('#step .narration') || {}).textContent || ''`)
	assert.NotEmpty(t, narration, "the first step is narrated by the script's comments")
	do(t, ctx, "autoplay steps forward by itself, and stops when asked",
		chromedp.Click(chromedp.ID("autoplay")),
		chromedp.Poll[chromedp.Void](`/^Step 2 of \d+$/.test(document.getElementById('position').textContent)`,
			chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Click(chromedp.ID("autoplay")))
	assert.Equal(t, "false", eval[string](t, ctx, `document.getElementById('autoplay').getAttribute('aria-pressed')`),
		"the second press stops autoplay")

	unlabelled := eval[[]string](t, ctx, `[...document.querySelectorAll('button, input, textarea, select, a[href]')]
		.filter(e => !((e.getAttribute('aria-label') || '').trim() || (e.labels && e.labels.length) ||
			e.getAttribute('aria-labelledby') || e.textContent.trim()))
		.map(e => e.outerHTML)`)
	assert.Empty(t, unlabelled, "every control has a label")

	small := eval[[]string](t, ctx, `[...document.querySelectorAll('#picture svg text, .controls button, #step .line')]
		.filter(e => e.getBoundingClientRect().height > 0 && parseFloat(getComputedStyle(e).fontSize) * (e.closest('svg') ?
			e.closest('svg').getBoundingClientRect().width / e.closest('svg').viewBox.baseVal.width : 1) < 16)
		.map(e => e.textContent)`)
	assert.Empty(t, small, "the picture's text and the controls are at least 16 CSS pixels high, to read from the back of a room")
	screenshot(t, ctx, dir, "play-scenario")
}

func TestPlaygroundShowsARefusalWithItsRule(t *testing.T) {
	ctx := browser(t)
	srv := httptest.NewServer(mustHandler(t))
	defer srv.Close()
	dir := shots(t)
	do(t, ctx, "open the misuse scenario of chapter 8",
		chromedp.Navigate(srv.URL+"/play?scenario=08-misuse-names-its-rule"),
		chromedp.Poll[chromedp.Void](`/^Step 1 of \d+$/.test(document.getElementById('position').textContent)`,
			chromedp.WithPollingTimeout(20*time.Second)))
	refused := eval[int](t, ctx, `[...document.querySelectorAll('#steps li')].findIndex(li => li.dataset.rule) + 1`)
	require.Positive(t, refused, "the misuse scenario has a step refused under a rule, marked in the list of steps")
	do(t, ctx, "show the first step refused under a rule",
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`#steps li[data-step="%d"] button`, refused))),
		chromedp.WaitVisible(chromedp.CSS("#step .refusal")))
	message := eval[string](t, ctx, `document.querySelector('#step .refusal .message').textContent`)
	assert.Regexp(t, `\([IB]\d+\)$`, message, "a refusal shows the library's message, which names the rule")
	rule := eval[string](t, ctx, `(document.querySelector('#step .refusal .rule') || {}).textContent || ''`)
	assert.Regexp(t, `^Rule [IB]\d+: \S`, rule, "a refusal under a rule shows the rule's text")
	screenshot(t, ctx, dir, "play-refusal")
}

func mustHandler(t *testing.T) http.Handler {
	h, err := Handler(os.DirFS(root))
	require.NoError(t, err)
	return h
}
