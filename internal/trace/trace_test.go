//go:build rctrace

package trace

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/invariants"
)

func TestTraceHistoryIsBounded(t *testing.T) {
	var l Log
	for i := range 3 * Keep {
		l.Note(int64(i+1), 1, invariants.Alive)
	}
	l.Note(0, 0, invariants.Freed)
	h := l.History()
	last := h.Last()
	require.Len(t, last, Keep, "an allocation keeps its last Keep events, however many it had")
	assert.Equal(t, int64(2*Keep+2), last[0].Strong, "the oldest kept event is the Keep-th from the end")
	assert.Equal(t, invariants.Freed, last[Keep-1].State, "and the newest is the free")
	assert.Equal(t, int64(1), h.made.Strong, "the event that made the allocation is kept however old")
	freed, ok := h.Freed()
	require.True(t, ok, "the free is kept apart from the ring")
	assert.Equal(t, invariants.Freed, freed.State)
	assert.Contains(t, h.String(), fmt.Sprintf("its last %d of %d events", Keep, 3*Keep+1))
}

func TestTraceTrailsAreBounded(t *testing.T) {
	first := Spend(invariants.Dropped, nil)
	assert.True(t, strings.HasPrefix(Trail(first), "\tthis handle was dropped by "), "a fresh record says where: %s", Trail(first))
	for range Kept {
		Spend(invariants.Moved, nil)
	}
	assert.Contains(t, Trail(first), "is forgotten", "after Kept more handles were emptied, the first record is gone")
	assert.Equal(t, "\tthis handle never held an allocation", Trail(0), "record 0 is the zero handle's")
}
