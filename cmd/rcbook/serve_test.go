package main

import (
	"bufio"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestServeListensOnlyOnLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:8080", ":8080", "192.0.2.1:8080", "example.com:80"} {
		out, code := runLine(t, "serve -addr "+addr)
		assert.Equal(t, 2, code, "serve -addr %s is a usage error: rcbook serves only this machine", addr)
		assert.Contains(t, out, "only this machine", "serve -addr %s says why it refuses", addr)
	}
	out, code := runLine(t, "serve extra")
	assert.Equal(t, 2, code, "serve takes no argument")
	assert.Contains(t, out, `unexpected argument "extra"`)
}

// TestInstalledServeWorksAwayFromTheRepository builds rcbook as go install
// would, runs it from an empty folder, and reads the book and the
// playground over HTTP: everything it serves is inside the binary.
func TestInstalledServeWorksAwayFromTheRepository(t *testing.T) {
	if testing.Short() {
		t.Skip("builds rcbook; skipped with -short")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "rcbook")
	build := exec.Command("go", "build", "-o", bin, ".")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "go build: %s", out)
	empty := filepath.Join(dir, "elsewhere")
	require.NoError(t, os.Mkdir(empty, 0o755))

	cmd := exec.Command(bin, "serve", "-addr", "127.0.0.1:0")
	cmd.Dir = empty
	cmd.Env = append(os.Environ(), "GOFLAGS=", "GOPATH="+filepath.Join(dir, "gopath"))
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	lines := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		lines <- line
		_, _ = io.Copy(io.Discard, stdout)
	}()
	var banner string
	select {
	case banner = <-lines:
	case <-time.After(30 * time.Second):
		t.Fatal("rcbook serve printed no address within 30s")
	}
	_, rest, ok := strings.Cut(banner, "http://")
	require.True(t, ok, "serve prints the address to open: %q", banner)
	base := "http://" + strings.Fields(rest)[0]
	require.True(t, strings.HasPrefix(base, "http://127.0.0.1:"), "serve listens on loopback: %s", base)

	for path, want := range map[string]string{
		"/":                           "Exercises",
		"/book/07-cycles-and-trees":   "Cycles",
		"/book/workshop":              "workshop",
		"/book/benchmarks":            "Benchmarks",
		"/exercises/06-leaking-cycle": "cycle",
		"/play":                       `id="script"`,
		"/play?scenario=08-misuse-names-its-rule": "Every misuse refused",
		"/static/draw.js":                         "drawState",
	} {
		res, err := http.Get(base + path)
		require.NoError(t, err, "GET %s", path)
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		assert.Equal(t, http.StatusOK, res.StatusCode, "GET %s from an installed rcbook", path)
		assert.True(t, strings.Contains(string(body), want), "GET %s shows %q", path, want)
	}
	res, err := http.Post(base+"/api/play", "application/json", strings.NewReader(`{"script":"new a 5\nclone a b"}`))
	require.NoError(t, err)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode, "the playground's API replays a script")
	assert.Contains(t, string(body), `"strong":2`, "after new and clone the allocation has two strong handles")
}
