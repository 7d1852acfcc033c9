package rcmap

import (
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

func (s *machine) acquire(t *rapid.T) {
	key := keys.Draw(t, "key")
	h, created := s.m.Acquire(key, func() string {
		s.creates[key]++
		return fmt.Sprintf("%s#%d", key, s.creates[key])
	})
	require.Equal(t, s.model[key] == 0, created, "Acquire creates exactly when the key has no entry")
	require.Equal(t, fmt.Sprintf("%s#%d", key, s.creates[key]), h.Value(),
		"a joined handle reaches the current entry's value, a created one the new value")
	s.model[key]++
	s.handles = append(s.handles, h)
}

func (s *machine) clone(t *rapid.T) {
	if len(s.handles) == 0 {
		t.Skip("no live handle to clone")
	}
	h := s.handles[rapid.IntRange(0, len(s.handles)-1).Draw(t, "handle")]
	c := h.Clone()
	require.Equal(t, h.Value(), c.Value(), "a clone reaches the same value")
	s.model[h.Key()]++
	s.handles = append(s.handles, c)
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
		s.handles = append(s.handles, h)
	}
}

// check is the invariant, run after every action: counts, size and the
// cleanup log agree with the model, and every entry has count >= 1.
func (s *machine) check(t *rapid.T) {
	require.Equal(t, len(s.model), s.m.Len(), "Len is the number of keys with live handles")
	for _, key := range []string{"a", "b", "c"} {
		require.Equal(t, s.model[key], s.m.Count(key), "Count(%q) is its number of live handles", key)
	}
	for key, e := range s.m.entries {
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
