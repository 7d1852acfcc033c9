package course

import (
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func build(version string, settings ...string) *debug.BuildInfo {
	info := &debug.BuildInfo{Main: debug.Module{Path: LibraryModule, Version: version}}
	for _, key := range settings {
		info.Settings = append(info.Settings, debug.BuildSetting{Key: key, Value: "x"})
	}
	return info
}

func TestLibraryForAnInstalledReleaseIsItsVersion(t *testing.T) {
	checkout := tree(t, map[string]string{"go.mod": "module github.com/rcbook/rcbook\n"})
	for _, v := range []string{"v1.2.0", "v0.0.0-20261201033200-d27610c0a1b2", "v1.3.0-rc.1"} {
		lib, err := LibraryFor(build(v, "-compiler"), checkout)
		require.NoError(t, err, v)
		assert.Equal(t, Library{Version: v}, lib, "installed at %s (no vcs settings): the course requires %s, whatever checkout is near", v, v)
	}
}

func TestLibraryForADevelopmentBuildIsItsCheckout(t *testing.T) {
	checkout := tree(t, map[string]string{"go.mod": "module github.com/rcbook/rcbook\n"})
	other := tree(t, map[string]string{"go.mod": "module example.com/other\n"})
	for name, info := range map[string]*debug.BuildInfo{
		"(devel)":                     build("(devel)"),
		"no build info":               nil,
		"stamped dirty":               build("v0.0.0-20261201033200-d27610c0a1b2+dirty", "vcs", "vcs.revision"),
		"stamped clean, built in git": build("v0.0.0-20261201033200-d27610c0a1b2", "vcs", "vcs.revision"),
	} {
		lib, err := LibraryFor(info, "", other, checkout)
		require.NoError(t, err, name)
		assert.Equal(t, Library{Dir: checkout}, lib, "%s: the first folder that is a checkout of rcbook", name)
	}
}

func TestLibraryForADevelopmentBuildWithoutItsCheckout(t *testing.T) {
	_, err := LibraryFor(build("(devel)"), "", t.TempDir())
	assert.ErrorContains(t, err, "development build (version (devel))", "no version, no checkout: init cannot write a go.mod that builds")
	assert.ErrorContains(t, err, "go install github.com/rcbook/rcbook/cmd/rcbook@latest", "the error says how to get a release")

	lib, err := LibraryFor(build("v0.0.0-20261201033200-d27610c0a1b2", "vcs"))
	require.NoError(t, err)
	assert.Equal(t, Library{Version: "v0.0.0-20261201033200-d27610c0a1b2"}, lib, "a clean stamped version is the best left")
}

func TestLibraryEditsTheShippedGoMod(t *testing.T) {
	assert.Equal(t, []string{"mod", "edit", "-dropreplace=github.com/rcbook/rcbook", "-require=github.com/rcbook/rcbook@v1.2.0"},
		Library{Version: "v1.2.0"}.modEdit(), "a release drops the checkout's replace and requires the version")
	assert.Equal(t, []string{"mod", "edit", "-replace=github.com/rcbook/rcbook=/src/rcbook"},
		Library{Dir: "/src/rcbook"}.modEdit(), "a checkout replaces the library")
	assert.Equal(t, "github.com/rcbook/rcbook v1.2.0", Library{Version: "v1.2.0"}.String())
}
