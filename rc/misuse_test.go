package rc_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

// These refusals are guards on the handle itself, not header checks: they
// hold in both builds. Rust needs no such guard, because using a moved-from
// value does not compile.

func TestDoubleDropPanics(t *testing.T) {
	r := rc.New(1)
	r.Drop()
	require.PanicsWithError(t, "rc: Drop: handle already dropped", r.Drop,
		"a second Drop would release a share the handle no longer owns")
}

func TestUseAfterDropPanics(t *testing.T) {
	r := rc.New(1)
	r.Drop()
	require.PanicsWithError(t, "rc: Get: handle already dropped", func() { r.Get() })
	require.PanicsWithError(t, "rc: Clone: handle already dropped", func() { _ = r.Clone() })
	require.PanicsWithError(t, "rc: StrongCount: handle already dropped", func() { r.StrongCount() })
}

func TestUseAfterMovePanics(t *testing.T) {
	r := rc.New(1)
	moved := r.Move()
	const problem = "handle was moved out (use the handle Move returned)"
	require.PanicsWithError(t, "rc: Get: "+problem, func() { r.Get() })
	require.PanicsWithError(t, "rc: Drop: "+problem, r.Drop)
	require.PanicsWithError(t, "rc: Move: "+problem, func() { _ = r.Move() })
	requireCounts(t, &moved, 1, 0, "the refused operations on the moved-from handle changed nothing")
	moved.Drop()
}

func TestZeroRcPanicsOnUse(t *testing.T) {
	var r rc.Rc[int]
	const problem = "empty handle (the zero value owns nothing)"
	require.PanicsWithError(t, "rc: Clone: "+problem, func() { _ = r.Clone() })
	require.PanicsWithError(t, "rc: Drop: "+problem, r.Drop)
	require.PanicsWithError(t, "rc: Get: "+problem, func() { r.Get() })
}

func TestDowngradeOfAnEmptyRcPanics(t *testing.T) {
	var zero rc.Rc[int]
	require.PanicsWithError(t, "rc: Downgrade: empty handle (the zero value owns nothing)",
		func() { w := weak.Downgrade(&zero); w.Drop() })
	r := rc.New(1)
	r.Drop()
	require.PanicsWithError(t, "rc: Downgrade: handle already dropped",
		func() { w := weak.Downgrade(&r); w.Drop() })
}

// emptyHandles makes one empty handle for each way a handle can be empty,
// with the problem its misuse reports.
func emptyHandles() []struct {
	how, problem string
	make         func() *rc.Rc[int]
} {
	return []struct {
		how, problem string
		make         func() *rc.Rc[int]
	}{
		{"zero", "empty handle (the zero value owns nothing)",
			func() *rc.Rc[int] { return new(rc.Rc[int]) }},
		{"dropped", "handle already dropped",
			func() *rc.Rc[int] { r := rc.New(1); r.Drop(); return &r }},
		{"moved", "handle was moved out (use the handle Move returned)",
			func() *rc.Rc[int] { r := rc.New(1); m := r.Move(); m.Drop(); return &r }},
		{"unwrapped", "handle was consumed by TryUnwrap, IntoInner or UnwrapOrClone",
			func() *rc.Rc[int] { r := rc.New(1); r.TryUnwrap(); return &r }},
	}
}

func TestEveryOperationOnAnEmptyHandlePanicsWithWhyItIsEmpty(t *testing.T) {
	ops := []struct {
		op  string // "pkg: Op"
		use func(r *rc.Rc[int])
	}{
		{"rc: Clone", func(r *rc.Rc[int]) { _ = r.Clone() }},
		{"rc: Move", func(r *rc.Rc[int]) { _ = r.Move() }},
		{"rc: Drop", func(r *rc.Rc[int]) { r.Drop() }},
		{"rc: Get", func(r *rc.Rc[int]) { r.Get() }},
		{"rc: GetMut", func(r *rc.Rc[int]) { r.GetMut() }},
		{"rc: MakeMut", func(r *rc.Rc[int]) { r.MakeMut(func(v int) int { return v }) }},
		{"rc: TryUnwrap", func(r *rc.Rc[int]) { r.TryUnwrap() }},
		{"rc: IntoInner", func(r *rc.Rc[int]) { r.IntoInner() }},
		{"rc: StrongCount", func(r *rc.Rc[int]) { r.StrongCount() }},
		{"rc: WeakCount", func(r *rc.Rc[int]) { r.WeakCount() }},
		{"rc: Downgrade", func(r *rc.Rc[int]) { w := weak.Downgrade(r); w.Drop() }},
	}
	for _, e := range emptyHandles() {
		for _, o := range ops {
			t.Run(e.how+"/"+o.op[strings.Index(o.op, " ")+1:], func(t *testing.T) {
				before := rc.LiveAllocations()
				r := e.make()
				require.PanicsWithError(t, o.op+": "+e.problem, func() { o.use(r) },
					"an empty handle owns nothing; the panic must say why it is empty")
				assert.True(t, r.IsEmpty(), "a refused operation leaves the handle empty")
				rctest.RequireLive(t, before, 0, "a refused operation allocates nothing")
			})
		}
	}
}

func TestRefusalOnAnEmptyHandleLeavesTheOtherHandlesCountsUntouched(t *testing.T) {
	r := rc.New(1)
	w := weak.Downgrade(&r)
	spent := r.Clone()
	spent.Drop()
	requireCounts(t, &r, 1, 1, "set-up: one strong, one Weak")
	require.Panics(t, func() { _ = spent.Clone() }, "the dropped handle cannot clone")
	require.Panics(t, spent.Drop, "the dropped handle cannot drop again")
	require.Panics(t, func() { _ = weak.Downgrade(&spent) }, "the dropped handle cannot downgrade")
	requireCounts(t, &r, 1, 1, "a refused operation must change no count")
	w.Drop()
	r.Drop()
}

func TestMakeMutWithANilCloneFunctionPanicsAndChangesNothing(t *testing.T) {
	before := rc.LiveAllocations()
	r := rc.New(1)
	other := r.Clone()
	require.PanicsWithError(t, "rc: MakeMut: nil clone function", func() { r.MakeMut(nil) },
		"MakeMut may need to clone, so a nil clone function is refused up front")
	assert.True(t, rc.PtrEq(&r, &other), "the refused MakeMut left r on its allocation")
	requireCounts(t, &r, 2, 0, "the refused MakeMut changed no count")
	rctest.RequireLive(t, before, 1, "the refused MakeMut allocated nothing")
	other.Drop()
	require.PanicsWithError(t, "rc: MakeMut: nil clone function", func() { r.MakeMut(nil) },
		"a nil clone is refused even when r is unique and no clone would be needed")
	r.Drop()
}
