package refmap

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

// topic stands for what an event bus keeps per topic name: it exists while
// the topic has subscribers.
type topic struct{ name string }

// creator returns a create function for Acquire that counts its calls.
func creator(name string, calls *int) func() *topic {
	return func() *topic { *calls++; return &topic{name: name} }
}

// removal is one run of the map's cleanup, with what the map looked like
// while it ran.
type removal struct {
	key       string
	value     *topic
	lenInside int // m.Len() as seen by the cleanup
}

// recordingMap returns a map whose cleanup appends to *log.
func recordingMap(log *[]removal) *Map[string, *topic] {
	var m *Map[string, *topic]
	m = New(func(key string, value *topic) {
		*log = append(*log, removal{key: key, value: value, lenInside: m.Len()})
	})
	return m
}

func TestAcquireCreatesAnEntryOnceAndThenJoinsIt(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	m := New[string, *topic](nil)
	calls := 0
	first, created := m.Acquire("news", creator("news", &calls))
	require.True(t, created, "there was no entry for news: Acquire must create it")
	require.Equal(t, 1, calls, "creating an entry calls create once")
	second, created := m.Acquire("news", creator("news", &calls))
	assert.False(t, created, "the entry for news exists: Acquire must join it, not create another")
	assert.Equal(t, 1, calls, "joining must not call create: the value already exists")
	assert.Same(t, first.Value(), second.Value(), "both handles must reach the one value of the entry")
	other, created := m.Acquire("sport", creator("sport", &calls))
	assert.True(t, created, "another key is another entry")
	assert.Equal(t, 2, m.Len(), "two keys, two entries")
	assert.Equal(t, 2, m.Count("news"), "two handles to news")
	assert.Equal(t, 1, m.Count("sport"), "one handle to sport")
	first.Release()
	second.Release()
	other.Release()
}

func TestCountFollowsEveryCloneAndRelease(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	m := New[string, *topic](nil)
	calls := 0
	assert.Zero(t, m.Count("news"), "a key without an entry has no handles")
	h, _ := m.Acquire("news", creator("news", &calls))
	hs := []Handle[*topic]{h.Clone(), h.Clone()}
	assert.Equal(t, 3, m.Count("news"), "Clone must add a handle to the same entry: 1 + 2 clones")
	assert.Equal(t, 1, calls, "cloning a handle never creates a value")
	for i := range hs {
		hs[i].Release()
		assert.Equal(t, 2-i, m.Count("news"), "each Release must take exactly one handle away")
	}
	assert.Equal(t, 1, m.Len(), "one handle is left, so the entry must stay")
	h.Release()
}

func TestTheLastReleaseRemovesTheEntry(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	m := New[string, *topic](nil)
	calls := 0
	h, _ := m.Acquire("news", creator("news", &calls))
	old := h.Value()
	h.Release()
	assert.Zero(t, m.Len(), "the last handle is gone: the entry must be removed from the map")
	assert.Zero(t, m.Count("news"), "a removed entry has no handles")
	rctest.RequireLive(t, before, 0,
		"the entry's allocation must be freed: the map must drop its own Weak when it removes the entry")

	again, created := m.Acquire("news", creator("news", &calls))
	assert.True(t, created, "after removal the key is free: Acquire must create a new entry")
	assert.Equal(t, 2, calls, "a new entry calls create again")
	assert.NotSame(t, old, again.Value(), "the new entry has a new value, not the old one brought back")
	again.Release()
}

func TestCleanupRunsOnceAfterTheEntryIsRemoved(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log []removal
	m := recordingMap(&log)
	calls := 0
	a, _ := m.Acquire("news", creator("news", &calls))
	b, _ := m.Acquire("news", creator("news", &calls))
	value := a.Value()
	a.Release()
	assert.Empty(t, log, "one handle is left: the entry must not be cleaned up yet")
	b.Release()
	require.Len(t, log, 1, "the last Release must run the cleanup, exactly once")
	assert.Equal(t, "news", log[0].key, "the cleanup is told which key was removed")
	assert.Same(t, value, log[0].value, "the cleanup gets the entry's own value")
	assert.Zero(t, log[0].lenInside,
		"the entry must be deleted before the cleanup runs, so the cleanup sees a map without it")
}

func TestReleasingAHandleTwicePanicsAndChangesNothing(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log []removal
	m := recordingMap(&log)
	calls := 0
	a, _ := m.Acquire("news", creator("news", &calls))
	b := a.Clone()
	a.Release()
	require.PanicsWithError(t, "refmap: Release: handle already released", a.Release,
		"a second Release would give up a share a no longer holds, taking b's away")
	assert.Equal(t, 1, m.Count("news"), "the refused Release must leave b's share alone")
	assert.Empty(t, log, "b still holds the entry: the refused Release must not remove it")
	b.Release()
	assert.Len(t, log, 1, "the cleanup runs once, when b, the real last handle, is released")
	require.PanicsWithError(t, "refmap: Release: handle already released", b.Release,
		"releasing the last handle twice must panic too")
	assert.Len(t, log, 1, "a refused Release must not run the cleanup again")
}

func TestAReleasedHandleCannotBeUsed(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	m := New[string, *topic](nil)
	calls := 0
	h, _ := m.Acquire("news", creator("news", &calls))
	h.Release()
	require.PanicsWithError(t, "refmap: Value: handle already released", func() { h.Value() },
		"the handle gave up its share: the value may already be cleaned up")
	require.PanicsWithError(t, "refmap: Clone: handle already released", func() { _ = h.Clone() },
		"a released handle has no share to clone")
	var zero Handle[*topic]
	require.PanicsWithError(t, "refmap: Release: zero Handle (make handles with Acquire or Clone)", zero.Release,
		"the zero Handle never held a share, so it has none to release")
}
