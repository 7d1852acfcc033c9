//go:build !rcrelease

package rctest_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rcmap"
)

// one is a create for rcmap's Acquire that cannot fail.
func one() (int, error) { return 1, nil }

func TestVerifyNoLeaksReportsALostRcmapHandle(t *testing.T) {
	var m rcmap.Map[string, int]
	site := here(2)
	errs := verify(func(testing.TB) {
		h, _, err := m.Acquire(context.Background(), "news", one)
		require.NoError(t, err)
		_ = h.Value() // used, then lost without Release
	})
	require.Len(t, errs, 1, "an rcmap handle lost without Release must fail the inner test")
	assert.Contains(t, errs[0], "rc: leak: rcmap handle acquired at "+site,
		"the report says what leaked and names the line that acquired it")
	assert.Equal(t, 1, m.Count("news"), "the lost handle is still counted: its entry stays in the map")
}

func TestVerifyNoLeaksNamesTheCloneOrJoinThatMadeALostRcmapHandle(t *testing.T) {
	var m rcmap.Map[string, int]
	var cloneSite, joinSite string
	errs := verify(func(testing.TB) {
		h, _, err := m.Acquire(context.Background(), "news", one)
		require.NoError(t, err)
		cloneSite = here(1)
		lostClone := h.Clone()
		joinSite = here(1)
		lostJoin, found := m.Join("news")
		require.True(t, found)
		_, _ = lostClone.Key(), lostJoin.Key()
		h.Release() // the Acquire's own handle is released: only the two others leak
	})
	require.Len(t, errs, 2, "a lost Clone and a lost Join are two leaks")
	all := errs[0] + "\n" + errs[1]
	assert.Contains(t, all, "rcmap handle acquired at "+cloneSite, "a cloned handle is reported at its Clone")
	assert.Contains(t, all, "rcmap handle acquired at "+joinSite, "a joined handle is reported at its Join")
}

// A handle that an Acquire got by waiting for another goroutine's create
// is tracked from that Acquire, not from the creator's.
func TestVerifyNoLeaksTracksAnRcmapHandleThatWaitedForItsCreate(t *testing.T) {
	var m rcmap.Map[string, int]
	var site string
	errs := verify(func(testing.TB) {
		gate, inside := make(chan struct{}), make(chan struct{})
		created := make(chan *rcmap.Handle[string, int])
		go func() {
			h, _, err := m.Acquire(context.Background(), "news", func() (int, error) { close(inside); <-gate; return 1, nil })
			assert.NoError(t, err)
			created <- &h // a pointer: the handle stays in h
		}()
		<-inside // the key is pending: the next Acquire of it waits for this create
		waited := make(chan struct{})
		go func() {
			defer close(waited)
			site = here(1)
			h, _, err := m.Acquire(context.Background(), "news", one)
			assert.NoError(t, err)
			_ = h.Value() // lost without Release
		}()
		time.Sleep(10 * time.Millisecond) // let the waiter queue; either way its handle must be tracked
		close(gate)
		(<-created).Release()
		<-waited
	})
	require.Len(t, errs, 1, "the waiter lost the handle it was given")
	assert.Contains(t, errs[0], "rcmap handle acquired at "+site, "the report names the waiter's Acquire")
}

func TestVerifyNoLeaksIsQuietWhenEveryRcmapHandleIsReleased(t *testing.T) {
	m := rcmap.New(func(string, int) {})
	errs := verify(func(testing.TB) {
		h, _, err := m.Acquire(context.Background(), "news", one)
		require.NoError(t, err)
		c := h.Clone()
		j, found := m.Join("news")
		require.True(t, found)
		_, _ = m.Load("news")
		for range m.All() {
		}
		j.Release()
		c.Release()
		h.Release()
	})
	assert.Empty(t, errs, "every handle was released, and Load and All take none, so nothing leaked")
}

// A handle moved with Move is the same share: it is tracked from the line
// that acquired it, and releasing the handle it was moved to ends it.
func TestVerifyNoLeaksFollowsAMovedRcmapHandle(t *testing.T) {
	var m rcmap.Map[string, int]
	site := here(2)
	errs := verify(func(testing.TB) {
		h, _, err := m.Acquire(context.Background(), "news", one)
		require.NoError(t, err)
		kept := []rcmap.Handle[string, int]{h.Move()}
		_ = kept[0].Value() // used, then lost without Release
	})
	require.Len(t, errs, 1, "a moved handle lost without Release is one leak")
	assert.Contains(t, errs[0], "rcmap handle acquired at "+site, "it is reported at the Acquire that made the share")

	errs = verify(func(testing.TB) {
		h, _, err := m.Acquire(context.Background(), "sport", one)
		require.NoError(t, err)
		kept := []rcmap.Handle[string, int]{h.Move()}
		kept[0].Release()
	})
	assert.Empty(t, errs, "a moved handle released through the handle it was moved to is not a leak")
}
