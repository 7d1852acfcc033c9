package observer

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

func TestObserveMakesAWeakNotAnOwner(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	s := OpenSession("ada")
	w := Observe(&s)
	require.Equal(t, 1, s.StrongCount(),
		"Observe must not add an owner: a Weak is not counted in the strong count, so it stays 1")
	require.Equal(t, 1, s.WeakCount(),
		"Observe must make exactly one Weak: the weak count goes 0 → 1 (the implicit weak is never shown)")
	require.Equal(t, 1, w.StrongCount(), "the Weak sees the same allocation: one strong owner")
	w.Drop()
	s.Drop()
}

func TestPeekReadsTheUserAndGivesBackItsHandle(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	s := OpenSession("ada")
	w := Observe(&s)
	user, ok := Peek(&w)
	require.True(t, ok, "the owner still holds the session, so Upgrade must succeed and Peek report true")
	require.Equal(t, "ada", user, "Peek must read the user through the upgraded handle")
	require.Equal(t, 1, s.StrongCount(),
		"Upgrade made a strong handle (strong 2); Peek must Drop it before returning, so strong is back to 1")
	require.Equal(t, 1, s.WeakCount(), "Peek must not drop or clone the observer's Weak")
	require.Zero(t, (*s.Get()).Closes, "an owner remains: Peek must never close the session")
	w.Drop()
	s.Drop()
}

func TestTheLastOwnerClosesTheSessionDespiteTheObserver(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	s := OpenSession("ada")
	session := *s.Get()
	w := Observe(&s)
	s.Drop()
	require.Equal(t, 1, session.Closes,
		"strong went 1 → 0: the destructor (the cleanup) runs now, although the observer still holds its Weak")
	require.Zero(t, w.StrongCount(), "no strong owner remains")
	user, ok := Peek(&w)
	assert.False(t, ok, "the session is closed: Upgrade fails, so Peek must report false (a Weak never revives a value)")
	assert.Empty(t, user, "Peek has no user to show for a closed session")
	rctest.RequireLive(t, before, 1, "the Weak keeps the allocation (the header with its counts), not the value")
	w.Drop()
	rctest.RequireLive(t, before, 0, "the last Weak is gone: the allocation is freed")
	require.Equal(t, 1, session.Closes, "the session is closed exactly once")
}

func TestManyObserversDoNotDelayTheClose(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	s := OpenSession("grace")
	session := *s.Get()
	second := s.Clone()
	observers := []weak.Weak[*Session]{Observe(&s), Observe(&second), Observe(&s)}
	require.Equal(t, 3, s.WeakCount(), "three observers, three Weaks")
	s.Drop()
	require.Zero(t, session.Closes, "one strong owner is left: the session must stay open")
	for i := range observers {
		_, ok := Peek(&observers[i])
		require.True(t, ok, "observer %d: an owner remains, so the session is still readable", i)
	}
	second.Drop()
	require.Equal(t, 1, session.Closes, "the last strong owner let go: three Weaks do not keep the session open")
	for i := range observers {
		_, ok := Peek(&observers[i])
		require.False(t, ok, "observer %d: the session is closed, Peek must report false", i)
		observers[i].Drop()
	}
}

func TestPeekOnADanglingWeakReportsFalse(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	w := weak.New[*Session]()
	user, ok := Peek(&w)
	require.False(t, ok, "a dangling Weak (weak.New) points at nothing: Upgrade fails and Peek reports false")
	require.Empty(t, user, "no session, no user")
	w.Drop()
}
