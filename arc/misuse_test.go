package arc_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/arc"
	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rctest"
)

// emptyArcs makes one empty handle for each way an Arc can be empty, with
// the problem its misuse reports. These refusals hold in both builds.
func emptyArcs() []struct {
	how, problem string
	make         func() *arc.Arc[int]
} {
	return []struct {
		how, problem string
		make         func() *arc.Arc[int]
	}{
		{"zero", "empty handle (the zero value owns nothing)",
			func() *arc.Arc[int] { return new(arc.Arc[int]) }},
		{"dropped", "handle already dropped",
			func() *arc.Arc[int] { a := arc.New(1); a.Drop(); return &a }},
		{"moved", "handle was moved out (use the handle Move returned)",
			func() *arc.Arc[int] { a := arc.New(1); m := a.Move(); m.Drop(); return &a }},
		{"unwrapped", "handle was consumed by TryUnwrap, IntoInner or UnwrapOrClone",
			func() *arc.Arc[int] { a := arc.New(1); a.TryUnwrap(); return &a }},
	}
}

func TestEveryOperationOnAnEmptyArcPanicsWithWhyItIsEmpty(t *testing.T) {
	ops := []struct {
		op  string
		use func(a *arc.Arc[int])
	}{
		{"Clone", func(a *arc.Arc[int]) { _ = a.Clone() }},
		{"Move", func(a *arc.Arc[int]) { _ = a.Move() }},
		{"Drop", func(a *arc.Arc[int]) { a.Drop() }},
		{"Get", func(a *arc.Arc[int]) { a.Get() }},
		{"GetMut", func(a *arc.Arc[int]) { a.GetMut() }},
		{"MakeMut", func(a *arc.Arc[int]) { a.MakeMut(func(v int) int { return v }) }},
		{"TryUnwrap", func(a *arc.Arc[int]) { a.TryUnwrap() }},
		{"IntoInner", func(a *arc.Arc[int]) { a.IntoInner() }},
		{"StrongCount", func(a *arc.Arc[int]) { a.StrongCount() }},
		{"WeakCount", func(a *arc.Arc[int]) { a.WeakCount() }},
		{"Downgrade", func(a *arc.Arc[int]) { w := arc.Downgrade(a); w.Drop() }},
	}
	for _, e := range emptyArcs() {
		for _, o := range ops {
			t.Run(e.how+"/"+o.op, func(t *testing.T) {
				before := arc.LiveAllocations()
				a := e.make()
				require.PanicsWithError(t, "arc: "+o.op+": "+e.problem, func() { o.use(a) },
					"an empty handle owns nothing; the panic must say why it is empty")
				assert.True(t, a.IsEmpty(), "a refused operation leaves the handle empty")
				requireLive(t, before, 0, "a refused operation allocates nothing")
			})
		}
	}
}

func TestSpentWeakPanics(t *testing.T) {
	a := arc.New(1)
	defer a.Drop()
	w := arc.Downgrade(&a)
	w.Drop()
	for name, use := range map[string]func(){
		"Weak.Upgrade":     func() { w.Upgrade() },
		"Weak.Clone":       func() { c := w.Clone(); c.Drop() },
		"Weak.Move":        func() { m := w.Move(); m.Drop() },
		"Weak.Drop":        w.Drop,
		"Weak.StrongCount": func() { w.StrongCount() },
		"Weak.WeakCount":   func() { w.WeakCount() },
	} {
		require.PanicsWithError(t, "arc: "+name+": handle already dropped", use)
	}
	assert.Equal(t, [2]int{1, 0}, [2]int{a.StrongCount(), a.WeakCount()}, "no refusal changed a count")
}

func TestMakeMutMisuse(t *testing.T) {
	a := arc.New(1)
	b := a.Clone()
	require.PanicsWithError(t, "arc: MakeMut: nil clone function", func() { a.MakeMut(nil) })
	assert.True(t, arc.PtrEq(&a, &b), "the refused MakeMut left a on its allocation")
	require.PanicsWithError(t, "arc: MakeMut: the clone function dropped, moved or replaced the handle",
		func() { a.MakeMut(func(v int) int { a.Drop(); return v }) })
	assert.Equal(t, 1, b.StrongCount(), "the handle's share was given up once, by its own Drop")
	b.Drop()
}

func TestErrorsCarryTheRuleForErrorsAs(t *testing.T) {
	a := arc.New(1)
	defer a.Drop()
	a.Get() // a live handle works
	var zero arc.Arc[int]
	err := catchError(func() { zero.Drop() })
	var ae *invariants.Error
	require.True(t, errors.As(err, &ae), "arc panics with *invariants.Error, the same error type as rc")
	assert.Equal(t, invariants.ArcDrop, ae.Op)
	assert.Equal(t, invariants.ID(""), ae.Rule(), "an empty handle is a plain misuse, no rule")
}

// The tests below copy a handle without Clone (rctest.UncountedCopy does
// what `c := a` would, which vet refuses). The count then shows the copy:
// a strong count of 0 under a strong handle, or a weak count of 0 under a
// Weak, is refused in both builds; the state tells the rest where the
// checks are on.

func TestStaleStrongCopyAfterTheValueDropped(t *testing.T) {
	a := arc.New(1)
	w := arc.Downgrade(&a) // keeps the allocation: the value dies, the header stays
	stale := rctest.UncountedCopy(&a)
	a.Drop()
	const dead = "value already dropped: this strong handle outlived its value (was it copied without Clone?) (I2)"
	require.PanicsWithError(t, "arc: Clone: "+dead, func() { _ = stale.Clone() },
		"Clone's own Add shows the count was 0; it is undone, never revived")
	require.PanicsWithError(t, "arc: Drop: "+dead, stale.Drop)
	assert.Equal(t, 0, w.StrongCount(), "the refused operations left strong at 0")
	_, ok := w.Upgrade()
	assert.False(t, ok, "nothing was resurrected (I7)")
	if invariants.Enabled {
		require.PanicsWithError(t, "arc: Get: "+dead, func() { stale.Get() })
	}
	w.Drop()
}

func TestStaleCopiesAfterTheAllocationWasFreed(t *testing.T) {
	rctest.RequireChecks(t)
	a := arc.New(1)
	staleArc := rctest.UncountedCopy(&a)
	w := arc.Downgrade(&a)
	staleWeak := rctest.UncountedCopy(&w)
	w.Drop()
	a.Drop()
	require.PanicsWithError(t, "arc: Get: use after free (I5)", func() { staleArc.Get() })
	require.PanicsWithError(t, "arc: Weak.Upgrade: use after free (I5)", func() { staleWeak.Upgrade() })
	require.PanicsWithError(t, "arc: Weak.Drop: use after free (I5)", staleWeak.Drop)
}

func TestStaleWeakCopyCannotTakeTheImplicitWeak(t *testing.T) {
	rctest.RequireChecks(t)
	a := arc.New(1)
	w := arc.Downgrade(&a)
	stale := rctest.UncountedCopy(&w)
	w.Drop()
	err := catchError(stale.Drop)
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "arc: Weak.Drop: no Weak left to drop"), err.Error())
	assert.Equal(t, invariants.I4, err.(*invariants.Error).Rule())
	assert.Equal(t, [2]int{1, 0}, [2]int{a.StrongCount(), a.WeakCount()}, "the refused Drop was undone")
	a.Drop()
}

func catchError(f func()) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err, _ = p.(error)
		}
	}()
	f()
	return nil
}
