package rc_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

type point struct{ X, Y int }

func TestFormatPrintsTheValueWithTheCallersVerb(t *testing.T) {
	r := rc.New(42)
	defer r.Drop()
	assert.Equal(t, "42", fmt.Sprint(&r), "%%v prints the value")
	assert.Equal(t, "   42|2a", fmt.Sprintf("%5d|%x", &r, &r), "width and verb go to the value")
	s := rc.New("hi")
	defer s.Drop()
	assert.Equal(t, `"hi"`, fmt.Sprintf("%q", &s), "%%q quotes a string value")
	p := rc.New(point{1, 2})
	defer p.Drop()
	assert.Equal(t, "{1 2}", fmt.Sprintf("%v", &p), "a struct prints as fmt prints it")
	assert.Equal(t, "rc.Rc{strong: 1, weak: 0, state: alive, value: {X:1 Y:2}}", fmt.Sprintf("%+v", &p),
		"%%+v adds counts and state, and prints the value with %%+v")
	assert.Equal(t, "*rc.Rc[int]", fmt.Sprintf("%T", &r), "%%T is fmt's own")
}

func TestFormatShowsCountsAndStateWithoutChangingThem(t *testing.T) {
	r := rc.New(1)
	c := r.Clone()
	w := rc.Downgrade(&r)
	assert.Equal(t, "rc.Rc{strong: 2, weak: 1, state: alive, value: 1}", fmt.Sprintf("%+v", &r),
		"two strong handles, one Weak; the implicit weak is not a Weak (I4)")
	assert.Equal(t, "rc.Weak{strong: 2, weak: 1, state: alive}", fmt.Sprintf("%+v", &w), "a Weak shows the same counts")
	assert.Equal(t, "<rc.Weak: alive>", fmt.Sprint(&w), "a Weak does not own the value, so does not print it")
	requireCounts(t, &r, 2, 1, "printing counts nothing")
	r.Drop()
	c.Drop()
	assert.Equal(t, "rc.Weak{strong: 0, weak: 1, state: dead}", fmt.Sprintf("%+v", &w),
		"after the last strong drop, the Weak still counts itself, where WeakCount says 0")
	assert.Equal(t, "<rc.Weak: dead>", fmt.Sprint(&w), "the value is gone")
	w.Drop()
}

// Format is allowed on every handle every other method refuses, and says
// what it found instead of panicking.
func TestFormatNeverPanicsOnEmptyOrStaleHandles(t *testing.T) {
	var zero rc.Rc[int]
	dropped := rc.New(1)
	dropped.Drop()
	moved := rc.New(1)
	kept := moved.Move()
	raw := rc.New(1)
	tok := raw.IntoRaw()
	live := rc.New(1)
	stale := rctest.UncountedCopy(&live)
	w := rc.Downgrade(&live)
	live.Drop()
	var dangling rc.Weak[int]
	usedWeak := rc.Downgrade(&kept)
	usedWeak.Drop()

	cases := []struct {
		name, verb string
		h          fmt.Formatter
		want       string
	}{
		{"zero", "%v", &zero, "<rc.Rc: empty>"},
		{"zero", "%+v", &zero, "rc.Rc{empty}"},
		{"dropped", "%d", &dropped, "<rc.Rc: dropped>"},
		{"moved", "%v", &moved, "<rc.Rc: moved>"},
		{"into raw", "%+v", &raw, "rc.Rc{empty: into raw}"},
		{"stale copy of a dead value", "%v", stale, "<rc.Rc: value dead>"},
		{"stale copy of a dead value", "%+v", stale, "rc.Rc{strong: 0, weak: 1, state: dead}"},
		{"dangling Weak", "%v", &dangling, "<rc.Weak: dangling>"},
		{"dangling Weak", "%+v", &dangling, "rc.Weak{dangling}"},
		{"dropped Weak", "%v", &usedWeak, "<rc.Weak: dropped>"},
		{"nil", "%v", (*rc.Rc[int])(nil), "<nil>"},
	}
	for _, c := range cases {
		var got string
		require.NotPanics(t, func() { got = fmt.Sprintf(c.verb, c.h) }, "printing a %s handle must not panic", c.name)
		assert.Equal(t, c.want, got, "%s with %s", c.name, c.verb)
	}
	w.Drop()
	assert.Equal(t, "<rc.Rc: value freed>", fmt.Sprint(stale), "once the last Weak went, the stale copy's allocation is freed")
	kept.Drop()
	rc.DecrementStrongCount[int](tok)
}

// selfish holds a Weak to its own allocation and prints it while it is
// being dropped, and while it is being built.
type selfish struct {
	self rc.Weak[selfish]
	seen *[]string
}

func (s *selfish) Drop() {
	*s.seen = append(*s.seen, fmt.Sprintf("%+v", &s.self))
	s.self.Drop()
}

// Inside the value's destructor and inside NewCyclic's build, the Weak to
// the allocation prints the state of that moment: Format reads, and the
// checks that would refuse an Upgrade there are not involved.
func TestFormatWhileBuildingAndDropping(t *testing.T) {
	var seen []string
	r := rc.NewCyclic(func(self *rc.Weak[selfish]) selfish {
		seen = append(seen, fmt.Sprintf("%+v", self))
		return selfish{self: self.Clone(), seen: &seen}
	})
	r.Drop()
	assert.Equal(t, []string{
		"rc.Weak{strong: 0, weak: 1, state: uninit}",
		"rc.Weak{strong: 0, weak: 1, state: dropping}",
	}, seen, "building: strong 0, the lent Weak; dropping: strong 0, the value's own Weak (I4: the implicit weak is not shown)")
}
