package destructor

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/invariants"
)

// journal records, in order, what a drop did.
type journal []string

// byPointer has Drop on its pointer: the plan for it is ViaPointer.
type byPointer struct{ j *journal }

func (b *byPointer) Drop() { *b.j = append(*b.j, "Drop") }

// node has Drop on its pointer and is kept by pointer (T is *node): the
// plan for *node is ViaValue, and a nil *node owns nothing.
type node struct{ j *journal }

func (n *node) Drop() { *n.j = append(*n.j, "Drop") }

// closer is an io.Closer kept by pointer.
type closer struct {
	j   *journal
	err error
}

func (c *closer) Close() error { *c.j = append(*c.j, "Close"); return c.err }

// panicOf runs f and returns what it panicked with, nil if it returned.
func panicOf(f func()) (p any) {
	defer func() { p = recover() }()
	f()
	return nil
}

func TestPlanForFollowsTheMethodSet(t *testing.T) {
	assert.Equal(t, ViaPointer, PlanFor[byPointer](), "a struct whose pointer has Drop is dropped through the pointer")
	assert.Equal(t, ViaValue, PlanFor[*node](), "a pointer type is asked itself: *T's method set is not T's")
	assert.Equal(t, ViaValue, PlanFor[interface{ Drop() }](), "an interface is asked at the drop, by its dynamic value")
	assert.Equal(t, None, PlanFor[int](), "an int has no Drop: nothing to call")
}

func TestRunCallsTheCleanupThenDrop(t *testing.T) {
	for _, plan := range []Plan{Unknown, ViaPointer} {
		var j journal
		v := byPointer{j: &j}
		Run(&v, func(byPointer) { j = append(j, "cleanup") }, plan)
		assert.Equal(t, journal{"cleanup", "Drop"}, j,
			"the cleanup runs first, then the value's own Drop, once each (plan %d)", plan)
	}
}

func TestRunWithoutACleanupCallsDropAlone(t *testing.T) {
	var j journal
	v := byPointer{j: &j}
	Run(&v, nil, Unknown)
	assert.Equal(t, journal{"Drop"}, j, "a nil cleanup is skipped, the value's Drop still runs")
}

func TestDropRunsEvenWhenTheCleanupPanics(t *testing.T) {
	var j journal
	v := byPointer{j: &j}
	require.PanicsWithValue(t, "cleanup failed",
		func() { Run(&v, func(byPointer) { panic("cleanup failed") }, Unknown) },
		"the cleanup's panic propagates to the caller")
	assert.Equal(t, journal{"Drop"}, j, "the value's Drop runs on the way out, as Rust drops fields after a panicking Drop")
}

func TestANilPointerValueIsNotDropped(t *testing.T) {
	var j journal
	var nilNode *node
	require.NotPanics(t, func() { Run(&nilNode, nil, Unknown) },
		"a nil *T owns nothing: its Drop must not be called (it would dereference nil)")
	live := &node{j: &j}
	Run(&live, nil, ViaValue)
	assert.Equal(t, journal{"Drop"}, j, "a non-nil pointer value is dropped through its own Drop")

	var nilIface interface{ Drop() }
	require.NotPanics(t, func() { Run(&nilIface, nil, Unknown) }, "a nil interface owns nothing either")
}

func TestAValueWithoutDropIsOnlyCleanedUp(t *testing.T) {
	var got []int
	v := 7
	Run(&v, func(x int) { got = append(got, x) }, None)
	assert.Equal(t, []int{7}, got, "the cleanup is given the value; a type without Drop needs nothing else")
}

func TestFallibleTurnsAnErrorIntoACleanupErrorPanic(t *testing.T) {
	assert.Nil(t, Fallible[int](invariants.RcDrop, nil), "no cleanup: the header keeps none")

	ok := Fallible(invariants.RcDrop, func(int) error { return nil })
	require.NotPanics(t, func() { ok(1) }, "a cleanup that succeeds returns quietly")

	boom := errors.New("disk full")
	failing := Fallible(invariants.ArcDrop, func(int) error { return boom })
	require.Equal(t, &invariants.CleanupError{Op: invariants.ArcDrop, Err: boom}, panicOf(func() { failing(1) }),
		"a failed cleanup panics with a CleanupError naming the operation and carrying the error")
}

func TestCloseAsksOnlyAValueThatOwnsSomething(t *testing.T) {
	var j journal
	var nilCloser *closer
	require.NoError(t, Close(nilCloser), "a nil pointer owns nothing: Close is not called and nothing fails")
	require.NoError(t, Close[interface{ Close() error }](nil), "a nil interface owns nothing")
	assert.Empty(t, j, "nobody was asked")

	boom := errors.New("flush failed")
	require.ErrorIs(t, Close(&closer{j: &j, err: boom}), boom, "a real value's Close error is returned")
	assert.Equal(t, journal{"Close"}, j, "a real value is closed once")
}

func TestMustClosePanicsOnlyWhenCloseFails(t *testing.T) {
	var j journal
	require.NotPanics(t, func() { MustClose(invariants.RcDrop, &closer{j: &j}) }, "a successful Close returns quietly")
	boom := errors.New("flush failed")
	require.Equal(t, &invariants.CleanupError{Op: invariants.RcDrop, Err: boom},
		panicOf(func() { MustClose(invariants.RcDrop, &closer{j: &j, err: boom}) }),
		"a failed Close becomes a CleanupError panic naming the operation")
	assert.Equal(t, journal{"Close", "Close"}, j, "each value was closed once")
}

func TestCatchCleanupErrorCatchesOnlyCleanupErrors(t *testing.T) {
	boom := errors.New("disk full")
	caught := func(p any) (err error) {
		defer CatchCleanupError(&err)
		if p != nil {
			panic(p)
		}
		return nil
	}
	assert.NoError(t, caught(nil), "no panic: no error")
	assert.ErrorIs(t, caught(&invariants.CleanupError{Op: invariants.RcDrop, Err: boom}), boom,
		"a cleanup's failure becomes the error Close returns")
	require.PanicsWithValue(t, "not a cleanup", func() { _ = caught("not a cleanup") },
		"any other panic goes on: Close hides only the cleanup's error")
}
