package course

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProgressSurvivesARestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), ProgressFile)
	p, err := LoadProgress(path)
	require.NoError(t, err, "no file yet is a fresh start, not an error")
	assert.False(t, p.Done("01-cleanup"))

	p.Mark("01-cleanup", true)
	p.Mark("02-weak", true)
	p.Mark("02-weak", false)
	require.NoError(t, p.Save())

	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.JSONEq(t, `{"01-cleanup": true}`, string(raw), "unmarking removes the entry")

	again, err := LoadProgress(path)
	require.NoError(t, err)
	assert.True(t, again.Done("01-cleanup"))
	assert.False(t, again.Done("02-weak"))

	entries, err := os.ReadDir(filepath.Dir(path))
	require.NoError(t, err)
	assert.Len(t, entries, 1, "Save leaves no temporary file behind")
}

func TestADamagedProgressFileIsAFreshStart(t *testing.T) {
	for name, content := range map[string]string{
		"not json":    "{01-cleanup",
		"wrong shape": `["01-cleanup"]`,
	} {
		path := filepath.Join(t.TempDir(), ProgressFile)
		require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
		p, err := LoadProgress(path)
		assert.ErrorContains(t, err, "starting afresh", name)
		require.NotNil(t, p, name)
		assert.False(t, p.Done("01-cleanup"), name)

		p.Mark("01-cleanup", true)
		require.NoError(t, p.Save(), "%s: Save replaces the damaged file", name)
		p, err = LoadProgress(path)
		require.NoError(t, err, name)
		assert.True(t, p.Done("01-cleanup"), name)
	}

	path := filepath.Join(t.TempDir(), ProgressFile)
	require.NoError(t, os.WriteFile(path, []byte("\n"), 0o644))
	_, err := LoadProgress(path)
	assert.NoError(t, err, "an empty file is a fresh start")
}

func TestBar(t *testing.T) {
	assert.Equal(t, "[#####-------] 5/12", Bar(5, 12, 12))
	assert.Equal(t, "[####------] 5/12", Bar(5, 12, 10), "a narrower bar rounds down")
	assert.Equal(t, "[----] 0/4", Bar(0, 4, 4))
	assert.Equal(t, "[####] 4/4", Bar(4, 4, 4))
	assert.Equal(t, "[] 0/0", Bar(0, 0, 0), "no exercises, no division by zero")
}
