package rcmap

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// topic stands for what an event bus keeps per topic name.
type topic struct{ name string }

// creator returns a create function for Acquire that counts its calls.
func creator(name string, calls *int) func() (*topic, error) {
	return func() (*topic, error) { *calls++; return &topic{name: name}, nil }
}

// value returns a create function for Acquire that returns v and no error.
func value[V any](v V) func() (V, error) { return func() (V, error) { return v, nil } }

// acquire is Acquire with a background context, requiring it to succeed.
// Its handle is the named result, filled in by Acquire: returning a local
// Handle would copy it.
func acquire[V any](t *testing.T, m *Map[string, V], key string, create func() (V, error)) (h Handle[string, V], created bool) {
	t.Helper()
	var err error
	h, created, err = m.Acquire(context.Background(), key, create)
	require.NoError(t, err, "Acquire(%q) with a create that cannot fail must succeed", key)
	return
}

// removal is one run of the map's cleanup, with the map's size as the
// cleanup saw it.
type removal struct {
	key       string
	value     *topic
	lenInside int
}

// recordingMap returns a map whose cleanup appends to *log. The cleanup
// calls m.Len, which would deadlock if the cleanup ran with the map locked.
func recordingMap(log *[]removal) *Map[string, *topic] {
	var m *Map[string, *topic]
	m = New(func(key string, value *topic) {
		*log = append(*log, removal{key: key, value: value, lenInside: m.Len()})
	})
	return m
}

// requireZero requires *h to be the zero Handle: holding no entry, and not
// released either, since it never held one.
func requireZero[V any](t interface {
	require.TestingT
	Helper()
}, h *Handle[string, V], msg string) {
	t.Helper()
	require.Nil(t, h.e, msg)
	require.Equal(t, neverHeld, h.spent, msg)
}

// requireMisuse runs f and requires it to panic with an *Error whose
// message is want.
func requireMisuse(t *testing.T, want string, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		require.NotNil(t, r, "misusing a handle must panic, not go on silently")
		err, isErr := r.(error)
		require.True(t, isErr, "the panic value must be an error, got %T", r)
		var rerr *Error
		require.True(t, errors.As(err, &rerr), "the panic value must be an *rcmap.Error, got %T", r)
		assert.Equal(t, want, rerr.Error(), "the message names the package, the operation and the problem")
	}()
	f()
}

func TestAcquireCreatesOnceThenJoins(t *testing.T) {
	m := New[string, *topic](nil)
	calls := 0
	first, created := acquire(t, m, "news", creator("news", &calls))
	require.True(t, created, "there was no entry for news: Acquire must create it")
	require.Equal(t, 1, calls, "creating an entry calls create once")
	second, created := acquire(t, m, "news", creator("news", &calls))
	assert.False(t, created, "the entry for news exists: Acquire must join it, not create another")
	assert.Equal(t, 1, calls, "joining must not call create: the value already exists")
	assert.Same(t, first.Value(), second.Value(), "both handles reach the one value of the entry")
	assert.Equal(t, "news", second.Key(), "a handle knows its key")
	other, _ := acquire(t, m, "sport", creator("sport", &calls))
	assert.Equal(t, 2, m.Len(), "two keys, two entries")
	assert.Equal(t, 2, m.Count("news"), "two handles to news")
	assert.Equal(t, 1, m.Count("sport"), "one handle to sport")
	first.Release()
	second.Release()
	other.Release()
	assert.Equal(t, 0, m.Len(), "every handle released: the map is empty")
}

func TestLastReleaseRemovesTheEntryAndRunsTheCleanupOnce(t *testing.T) {
	var log []removal
	m := recordingMap(&log)
	calls := 0
	a, _ := acquire(t, m, "news", creator("news", &calls))
	b := a.Clone()
	assert.Equal(t, 2, m.Count("news"), "Clone adds a handle: count 2")
	a.Release()
	assert.Equal(t, 1, m.Count("news"), "one handle left: count 1")
	assert.Empty(t, log, "the entry still has a handle: no cleanup yet")
	value := b.Value()
	b.Release()
	require.Len(t, log, 1, "the last Release runs the cleanup exactly once")
	assert.Equal(t, removal{key: "news", value: value, lenInside: 0}, log[0],
		"the cleanup gets the key and value, and runs after the entry left the map (Len 0 inside)")
	assert.Equal(t, 0, m.Count("news"), "a removed entry counts 0")
	again, created := acquire(t, m, "news", creator("news", &calls))
	assert.True(t, created, "after removal, the next Acquire creates a fresh entry")
	assert.NotSame(t, value, again.Value(), "the fresh entry has a fresh value from create")
	again.Release()
	assert.Len(t, log, 2, "each entry gets its own cleanup")
}

func TestCleanupMayAcquireTheSameKeyAgain(t *testing.T) {
	var m *Map[string, *topic]
	var reborn Handle[string, *topic]
	cleanups := 0
	m = New(func(key string, _ *topic) {
		if cleanups++; cleanups == 1 {
			reborn, _ = acquire(t, m, key, value(&topic{name: "second life"}))
		}
	})
	h, _ := acquire(t, m, "news", value(&topic{name: "first life"}))
	h.Release()
	require.Equal(t, 1, cleanups, "the last Release runs the cleanup, which acquires the key again")
	assert.Equal(t, "second life", reborn.Value().name, "the key's new entry is a new value")
	assert.Equal(t, 1, m.Count("news"), "the new entry has the cleanup's handle")
	reborn.Release()
	assert.Equal(t, 0, m.Len(), "the new entry goes with its own last handle")
}

func TestJoinNeverCreates(t *testing.T) {
	m := New[string, int](nil)
	h, found := m.Join("news")
	assert.False(t, found, "no entry for news: Join reports it")
	requireZero(t, &h, "and returns the zero Handle: it holds nothing")
	assert.Equal(t, 0, m.Len(), "Join must not create an entry")
	first, _ := acquire(t, m, "news", value(7))
	joined, found := m.Join("news")
	require.True(t, found, "the entry exists now: Join finds it")
	assert.Equal(t, 7, joined.Value(), "Join reaches the entry's value")
	assert.Equal(t, 2, m.Count("news"), "a joined handle counts like any other")
	joined.Release()
	first.Release()
}

func TestZeroMapIsReadyToUse(t *testing.T) {
	var m Map[string, int]
	assert.Equal(t, 0, m.Len(), "the zero Map is empty")
	assert.Equal(t, 0, m.Count("x"), "and counts 0 for any key")
	_, found := m.Load("x")
	assert.False(t, found, "Load finds nothing in the zero Map")
	_, found = m.Join("x")
	assert.False(t, found, "Join finds nothing in the zero Map")
	for key := range m.All() {
		assert.Fail(t, "All yields nothing in the zero Map", "yielded %q", key)
	}
	h, created := acquire(t, &m, "x", value(1))
	assert.True(t, created, "the zero Map creates entries like any other")
	h.Release()
	assert.Equal(t, 0, m.Len(), "and removes them at the last Release (no cleanup to run)")
}

func TestPanickingCreateLeavesNoEntry(t *testing.T) {
	m := New[string, int](nil)
	assert.Panics(t, func() { acquire(t, m, "x", func() (int, error) { panic("create failed") }) },
		"a panic in create propagates to the caller of Acquire")
	assert.Equal(t, 0, m.Len(), "no entry is made when create panics")
	h, created := acquire(t, m, "x", value(2))
	assert.True(t, created, "and the map was unlocked: the next Acquire works and creates")
	h.Release()
}

func TestMisuseOfAReleasedHandlePanicsAndChangesNothing(t *testing.T) {
	var log []removal
	m := recordingMap(&log)
	h, _ := acquire(t, m, "news", value(&topic{}))
	keep := h.Clone()
	h.Release()
	requireMisuse(t, "rcmap: Release: handle already released", h.Release)
	requireMisuse(t, "rcmap: Value: handle already released", func() { h.Value() })
	requireMisuse(t, "rcmap: Clone: handle already released", func() { h.Clone() })
	requireMisuse(t, "rcmap: Key: handle already released", func() { h.Key() })
	assert.Equal(t, 1, m.Count("news"), "refused operations must not change the count")
	assert.Empty(t, log, "a double Release must not take someone else's share and remove the entry")
	keep.Release()
	assert.Len(t, log, 1, "the real last Release still runs the cleanup once")

	var zero Handle[string, int]
	requireMisuse(t, "rcmap: Release: zero Handle (make handles with Acquire, Join or Clone)", zero.Release)
	requireMisuse(t, "rcmap: Value: zero Handle (make handles with Acquire, Join or Clone)", func() { zero.Value() })
}
