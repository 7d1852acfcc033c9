package arc_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/arc"
	"github.com/rcbook/rcbook/rctest"
)

func TestFormatPrintsValueCountsAndState(t *testing.T) {
	a := arc.New(42)
	b := a.Clone()
	w := arc.Downgrade(&a)
	assert.Equal(t, "42", fmt.Sprint(&a), "%%v prints the value")
	assert.Equal(t, "002a", fmt.Sprintf("%04x", &a), "verb and flags go to the value")
	assert.Equal(t, "arc.Arc{strong: 2, weak: 1, state: alive, value: 42}", fmt.Sprintf("%+v", &a),
		"%%+v adds the counts; the implicit weak is not a Weak (I4)")
	assert.Equal(t, "<arc.Weak: alive>", fmt.Sprint(&w), "a Weak does not print the value")
	assert.Equal(t, 2, a.StrongCount(), "printing counts nothing")
	a.Drop()
	b.Drop()
	assert.Equal(t, "arc.Weak{strong: 0, weak: 1, state: dead}", fmt.Sprintf("%+v", &w), "a Weak to a dead value counts itself")
	assert.Equal(t, "<arc.Arc: dropped>", fmt.Sprint(&a), "a dropped handle says so")
	assert.Equal(t, "arc.Arc{empty: dropped}", fmt.Sprintf("%+v", &a), "in both forms")
	w.Drop()
	assert.Equal(t, "<arc.Weak: dropped>", fmt.Sprint(&w), "a used-up Weak says so")
}

func TestFormatNeverPanicsOnEmptyOrStaleArcs(t *testing.T) {
	var zero arc.Arc[int]
	var dangling arc.Weak[int]
	live := arc.New(1)
	stale := rctest.UncountedCopy(&live)
	live.Drop()
	for _, c := range []struct {
		h    fmt.Formatter
		want string
	}{
		{&zero, "arc.Arc{empty}"},
		{&dangling, "arc.Weak{dangling}"},
		{stale, "arc.Arc{strong: 0, weak: 0, state: freed}"},
		{(*arc.Arc[int])(nil), "<nil>"},
	} {
		var got string
		require.NotPanics(t, func() { got = fmt.Sprintf("%+v", c.h) }, "printing must not panic")
		assert.Equal(t, c.want, got, "what the handle is, in words")
	}
	assert.Equal(t, "<arc.Arc: value freed>", fmt.Sprint(stale), "a stale copy's allocation is freed")
}

// Printing from many goroutines while others clone and drop is a read, as
// Get is: the race detector must see no race.
func TestFormatRacesWithNothing(t *testing.T) {
	a := arc.New([]int{1, 2})
	var wg sync.WaitGroup
	for range 4 {
		h := a.Clone()
		wg.Go(func() {
			for range 100 {
				c := h.Clone()
				_ = fmt.Sprintf("%v %+v", &c, &h)
				c.Drop()
			}
			h.Drop()
		})
	}
	wg.Wait()
	require.Equal(t, "arc.Arc{strong: 1, weak: 0, state: alive, value: [1 2]}", fmt.Sprintf("%+v", &a),
		"after the goroutines, one handle is left and nothing changed")
	a.Drop()
}
