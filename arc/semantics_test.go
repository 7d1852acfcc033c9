package arc_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/arc"
)

// The sequential semantics are checked in depth by the model harness
// (arcmodel_test.go). These tests pin down, one by one, the facts the
// package doc promises, with the messages a reader will see.

// requireLive asserts that exactly delta arc allocations are live now
// compared with before.
func requireLive(t *testing.T, before, delta int, why string) {
	t.Helper()
	require.Equal(t, delta, arc.LiveAllocations()-before, "live allocations: %s", why)
}

// watcher's destructor looks at its own allocation through the Weak it
// stores, then drops that Weak: the re-entrant case the last-drop order
// exists for.
type watcher struct {
	self       arc.Weak[*watcher]
	log        *[]string
	strongSeen int
	upgraded   bool
}

func (w *watcher) Drop() {
	*w.log = append(*w.log, "drop")
	w.strongSeen = w.self.StrongCount()
	if up, ok := w.self.Upgrade(); ok {
		w.upgraded = true
		up.Drop()
	}
	w.self.Drop() // takes weak down to the implicit weak: must not free yet
}

func TestLastDropOrder(t *testing.T) {
	before := arc.LiveAllocations()
	var log []string
	w := &watcher{log: &log}
	a := arc.NewWithCleanup(w, func(*watcher) { log = append(log, "cleanup") })
	w.self = arc.Downgrade(&a)
	outside := arc.Downgrade(&a)
	require.NotPanics(t, a.Drop, "the allocation stays live while its destructor runs")
	assert.Equal(t, []string{"cleanup", "drop"}, log, "cleanup, then the Drop method, exactly once each (I2)")
	assert.Equal(t, 0, w.strongSeen, "strong is 0 before the destructor runs")
	assert.False(t, w.upgraded, "Upgrade from inside the destructor fails (I7)")
	requireLive(t, before, 1, "the outside Weak keeps the allocation (I3)")
	assert.Equal(t, 0, outside.StrongCount())
	assert.Equal(t, 0, outside.WeakCount(), "WeakCount is 0 once no strong handle remains")
	_, ok := outside.Upgrade()
	assert.False(t, ok, "the value is dead (I7)")
	outside.Drop()
	requireLive(t, before, 0, "the last Weak freed the allocation (I5)")
}

var errBoom = errors.New("boom")

type panicky struct{ drops *int }

func (p panicky) Drop() { *p.drops++; panic(errBoom) }

func TestDestructorPanicStillCompletesTheDrop(t *testing.T) {
	before := arc.LiveAllocations()
	drops := 0
	a := arc.New(panicky{&drops})
	w := arc.Downgrade(&a)
	require.PanicsWithError(t, "boom", a.Drop, "the destructor's panic propagates")
	assert.True(t, a.IsEmpty(), "the handle is empty all the same")
	assert.Equal(t, 1, drops)
	assert.Equal(t, 0, w.StrongCount(), "strong is 0")
	assert.Equal(t, 0, w.WeakCount())
	_, ok := w.Upgrade()
	assert.False(t, ok, "the value is dead, panic or not (I7)")
	w.Drop()
	requireLive(t, before, 0, "the implicit weak was released despite the panic (I4, I5)")
}

func TestZeroValues(t *testing.T) {
	var a arc.Arc[int]
	assert.True(t, a.IsEmpty(), "the zero Arc is empty")
	var b arc.Arc[int]
	assert.True(t, arc.PtrEq(&a, &b), "two empty handles are equal")

	var w arc.Weak[int]
	d := arc.NewWeak[int]()
	assert.True(t, arc.WeakPtrEq(&w, &d), "the zero Weak and NewWeak are both dangling")
	_, ok := w.Upgrade()
	assert.False(t, ok, "a dangling Weak never upgrades")
	assert.Equal(t, 0, w.StrongCount())
	assert.Equal(t, 0, w.WeakCount())
	c := w.Clone()
	assert.True(t, arc.WeakPtrEq(&w, &c), "a clone of a dangling Weak is dangling")
	c.Drop()
	w.Drop()
	d.Drop()
	require.PanicsWithError(t, "arc: Weak.Drop: handle already dropped", w.Drop,
		"a dangling Weak may be dropped once")
}

func TestCounts(t *testing.T) {
	a := arc.New("v")
	b := a.Clone()
	w := arc.Downgrade(&a)
	w2 := w.Clone()
	assert.Equal(t, [2]int{2, 2}, [2]int{a.StrongCount(), a.WeakCount()})
	assert.Equal(t, [2]int{2, 2}, [2]int{w.StrongCount(), w.WeakCount()})
	assert.True(t, arc.PtrEq(&a, &b))
	assert.True(t, arc.WeakPtrEq(&w, &w2))
	m := b.Move()
	assert.True(t, b.IsEmpty(), "Move empties the source")
	assert.Equal(t, 2, m.StrongCount(), "Move changes no count")
	m.Drop()
	w2.Drop()
	assert.Equal(t, [2]int{1, 1}, [2]int{a.StrongCount(), a.WeakCount()})
	w.Drop()
	a.Drop()
}

func TestGetMutOnlyWhenUnique(t *testing.T) {
	a := arc.New(1)
	p, ok := a.GetMut()
	require.True(t, ok, "one strong handle, no Weak")
	*p = 2
	w := arc.Downgrade(&a)
	_, ok = a.GetMut()
	assert.False(t, ok, "a Weak could upgrade and alias the value (I6)")
	w.Drop()
	b := a.Clone()
	_, ok = a.GetMut()
	assert.False(t, ok, "another strong handle exists")
	b.Drop()
	p, ok = a.GetMut()
	require.True(t, ok)
	assert.Equal(t, 2, *p)
	a.Drop()
}

func TestMakeMutCases(t *testing.T) {
	before := arc.LiveAllocations()
	clone := func(s []int) []int { return append([]int(nil), s...) }

	a := arc.New([]int{1})
	orig := a.Get()
	*a.MakeMut(clone) = append(*a.MakeMut(clone), 2)
	assert.Same(t, orig, a.Get(), "unique: mutated in place")

	b := a.Clone()
	*a.MakeMut(clone) = append(*a.Get(), 3)
	assert.False(t, arc.PtrEq(&a, &b), "shared: a got its own copy")
	assert.Equal(t, []int{1, 2}, *b.Get(), "the others keep the original")
	assert.Equal(t, []int{1, 2, 3}, *a.Get())
	assert.Equal(t, 1, b.StrongCount(), "a gave up its share of the original")

	w := arc.Downgrade(&b)
	*b.MakeMut(func([]int) []int { panic("must not clone for Weaks") }) = []int{9}
	_, ok := w.Upgrade()
	assert.False(t, ok, "only Weaks: the value moved out, the Weaks find it gone (I7)")
	assert.Equal(t, []int{9}, *b.Get())
	w.Drop()
	a.Drop()
	b.Drop()
	requireLive(t, before, 0, "every allocation freed")
}

func TestTryUnwrapAndIntoInner(t *testing.T) {
	before := arc.LiveAllocations()
	cleanups := 0
	a := arc.NewWithCleanup(7, func(int) { cleanups++ })
	b := a.Clone()
	_, ok := a.TryUnwrap()
	assert.False(t, ok, "TryUnwrap needs strong == 1")
	assert.False(t, a.IsEmpty(), "a failed TryUnwrap leaves the handle as it was")
	_, ok = a.IntoInner()
	assert.False(t, ok, "IntoInner on a shared value only drops its share")
	assert.True(t, a.IsEmpty(), "IntoInner always consumes its handle")
	w := arc.Downgrade(&b)
	v, ok := b.TryUnwrap()
	assert.True(t, ok, "the last strong handle takes the value, Weaks or not")
	assert.Equal(t, 7, v)
	assert.Equal(t, 0, cleanups, "the caller owns the value: no cleanup runs")
	_, ok = w.Upgrade()
	assert.False(t, ok, "the Weaks find the value gone (I7)")
	w.Drop()
	requireLive(t, before, 0, "freed")
}

func TestNewCyclicWhoseBuildPanics(t *testing.T) {
	before := arc.LiveAllocations()
	var escaped arc.Weak[int]
	require.PanicsWithValue(t, "no value", func() {
		arc.NewCyclic(func(self *arc.Weak[int]) int {
			escaped = self.Clone()
			panic("no value")
		})
	})
	requireLive(t, before, 1, "the escaped Weak keeps the allocation")
	_, ok := escaped.Upgrade()
	assert.False(t, ok, "a value that was never built never upgrades")
	escaped.Drop()
	requireLive(t, before, 0, "freed")
}
