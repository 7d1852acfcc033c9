package rcmap

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// machine drives a Map through random sequential operations and compares
// it with a model: a plain map from key to number of live handles, and the
// list of cleanups that must have run.
type machine struct {
	m       *Map[string, string]
	handles []*Handle[string, string] // live handles, in acquisition order
	model   map[string]int            // key → live handles; absent means no entry
	creates map[string]int            // key → entries created so far (generation)
	cleaned []string                  // cleanups the map ran: "key#generation"
	want    []string                  // cleanups the model expects
}

var keys = rapid.SampledFrom([]string{"a", "b", "c"})

// errRefused is the error of a create that the machine makes fail.
var errRefused = errors.New("create refused")

// current is the value the model expects for key's entry.
func (s *machine) current(key string) string { return fmt.Sprintf("%s#%d", key, s.creates[key]) }

// acquire calls Acquire with a create that may fail and a context that may
// be cancelled already. Sequentially nobody waits for anyone, so the
// context never matters; a failing create matters only if it runs.
func (s *machine) acquire(t *rapid.T) {
	key := keys.Draw(t, "key")
	fail := rapid.Bool().Draw(t, "create fails")
	ctx := context.Background()
	if rapid.Bool().Draw(t, "context cancelled") {
		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		ctx = cancelled
	}
	calls := 0
	h, created, err := s.m.Acquire(ctx, key, func() (string, error) {
		calls++
		if fail {
			return "", errRefused
		}
		s.creates[key]++
		return s.current(key), nil
	})
	exists := s.model[key] > 0
	require.Equal(t, !exists, calls == 1, "Acquire calls create exactly when the key has no entry")
	if !exists && fail {
		require.ErrorIs(t, err, errRefused, "Acquire returns the error of the create it ran")
		requireZero(t, &h, "a failed Acquire returns the zero Handle: it holds nothing")
		require.False(t, created, "a failed Acquire created nothing")
		return // and the model is unchanged: no entry, no cleanup
	}
	require.NoError(t, err, "an Acquire that joins, or whose create succeeds, has no error, whatever its context")
	require.Equal(t, !exists, created, "Acquire reports created exactly when the key had no entry")
	require.Equal(t, s.current(key), h.Value(),
		"a joined handle reaches the current entry's value, a created one the new value")
	s.model[key]++
	s.handles = append(s.handles, &h)
}

// load calls Load, which must see the entry's value and count nothing
// (check compares the counts after every action).
func (s *machine) load(t *rapid.T) {
	key := keys.Draw(t, "key")
	value, found := s.m.Load(key)
	require.Equal(t, s.model[key] > 0, found, "Load finds exactly the keys with an entry")
	if found {
		require.Equal(t, s.current(key), value, "Load returns the current entry's value")
	} else {
		require.Empty(t, value, "Load of a missing key returns the zero value")
	}
}

// all ranges over All, which must yield every entry once, with its value,
// and count nothing. The loop stops early now and then, which must not
// change anything either.
func (s *machine) all(t *rapid.T) {
	stopAfter := rapid.IntRange(1, 4).Draw(t, "stop after") // 4: never, with 3 keys
	seen := map[string]string{}
	for key, value := range s.m.All() {
		_, twice := seen[key]
		require.False(t, twice, "All yields each key once, %q twice", key)
		seen[key] = value
		if len(seen) == stopAfter {
			break
		}
	}
	want := map[string]string{}
	for key := range s.model {
		want[key] = s.current(key)
	}
	if stopAfter < len(want) {
		require.Len(t, seen, stopAfter, "a loop that breaks gets no more pairs")
		for key, value := range seen {
			require.Equal(t, want[key], value, "All yields the entry's value for %q", key)
		}
		return
	}
	require.Equal(t, want, seen, "All yields exactly the entries, each with its value")
}

func (s *machine) clone(t *rapid.T) {
	if len(s.handles) == 0 {
		t.Skip("no live handle to clone")
	}
	h := s.handles[rapid.IntRange(0, len(s.handles)-1).Draw(t, "handle")]
	c := h.Clone()
	require.Equal(t, h.Value(), c.Value(), "a clone reaches the same value")
	s.model[h.Key()]++
	s.handles = append(s.handles, &c)
}

func (s *machine) release(t *rapid.T) {
	if len(s.handles) == 0 {
		t.Skip("no live handle to release")
	}
	i := rapid.IntRange(0, len(s.handles)-1).Draw(t, "handle")
	h := s.handles[i]
	key, value := h.Key(), h.Value()
	s.handles = append(s.handles[:i], s.handles[i+1:]...)
	s.model[key]--
	if s.model[key] == 0 {
		delete(s.model, key)
		s.want = append(s.want, value) // the last handle: its cleanup runs now
	}
	h.Release()
}

func (s *machine) join(t *rapid.T) {
	key := keys.Draw(t, "key")
	h, found := s.m.Join(key)
	require.Equal(t, s.model[key] > 0, found, "Join finds exactly the keys with an entry")
	if found {
		s.model[key]++
		s.handles = append(s.handles, &h)
	}
}

// check is the invariant, run after every action: counts, size and the
// cleanup log agree with the model, every entry has count >= 1, and no
// entry is left pending (a failed create leaves none behind).
func (s *machine) check(t *rapid.T) {
	require.Equal(t, len(s.model), s.m.Len(), "Len is the number of keys with live handles")
	for _, key := range []string{"a", "b", "c"} {
		require.Equal(t, s.model[key], s.m.Count(key), "Count(%q) is its number of live handles", key)
	}
	require.Zero(t, s.m.pending, "between sequential actions no create is running")
	for key, e := range s.m.entries {
		require.False(t, e.pending(), "no entry stays pending after its Acquire returned (key %q)", key)
		require.GreaterOrEqual(t, e.count, 1, "an entry in the map always has a handle (key %q)", key)
	}
	require.Equal(t, s.want, s.cleaned, "exactly one cleanup per removed entry, in removal order")
}

func TestModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := &machine{model: map[string]int{}, creates: map[string]int{}}
		s.m = New(func(_ string, value string) { s.cleaned = append(s.cleaned, value) })
		t.Repeat(map[string]func(*rapid.T){
			"":        s.check,
			"acquire": s.acquire,
			"join":    s.join,
			"load":    s.load,
			"all":     s.all,
			"clone":   s.clone,
			"release": s.release,
		})
		for len(s.handles) > 0 { // release what is left: the map must end empty
			h := s.handles[0]
			s.handles = s.handles[1:]
			h.Release()
		}
		require.Equal(t, 0, s.m.Len(), "every handle released: no entry may remain")
		for key, n := range s.creates {
			for g := 1; g <= n; g++ {
				require.Contains(t, s.cleaned, fmt.Sprintf("%s#%d", key, g),
					"every created entry gets its cleanup")
			}
		}
		require.Len(t, s.cleaned, sum(s.creates), "and no entry gets two")
	})
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
