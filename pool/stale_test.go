package pool_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/pool"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

// A handle copied without Clone (rctest.UncountedCopy, which is what
// `c := *h` would do) outlives its allocation. With a pool the freed header
// is handed out again, alive, so only the generation tells the stale handle
// from the new owner's. These tests need the header checks, which
// -tags rcrelease compiles out, so they skip there.

// reusedMessage is the message of an operation refused because the handle
// is from an earlier life of a header that a pool has reused.
func reusedMessage(op string, handleGen, headerGen int) string {
	return fmt.Sprintf("%s: use after free: the allocation was freed and its pool reused the header "+
		"(handle generation %d, header generation %d) (I5)", op, handleGen, headerGen)
}

// requireStaleRefused requires f to panic with the reuse error for op, and
// checks the parts of the message a reader relies on.
func requireStaleRefused(t *testing.T, f func(), op string, handleGen, headerGen int, why string) {
	t.Helper()
	err := recoverError(t, f, why)
	assert.Equal(t, invariants.I5, err.Rule(), "a stale handle is a use after free: %s", why)
	msg := err.Error()
	assert.Contains(t, msg, op+":", "the message names the refused operation: %s", why)
	assert.Contains(t, msg, "pool reused the header", "the message says the header was reused: %s", why)
	assert.Contains(t, msg, fmt.Sprintf("handle generation %d", handleGen),
		"the message gives the stale handle's generation: %s", why)
	assert.Contains(t, msg, fmt.Sprintf("header generation %d", headerGen),
		"the message gives the header's current generation: %s", why)
	assert.Equal(t, reusedMessage(op, handleGen, headerGen), msg, "the whole message: %s", why)
}

// snapshot is what a refused operation must not change: the new owner's
// counts and value, the pool and the live allocations.
type snapshot struct {
	strong, weak, value, size, live int
}

func take(r *rc.Rc[int], p *pool.Pool[int]) snapshot {
	return snapshot{r.StrongCount(), r.WeakCount(), *r.Get(), p.Size(), rctest.Live(p)}
}

// strongOps are the operations of a strong handle, each made to leave no
// handle behind if it succeeded.
var strongOps = []struct {
	op  string
	use func(r *rc.Rc[int])
}{
	{"rc: Clone", func(r *rc.Rc[int]) { c := r.Clone(); c.Drop() }},
	{"rc: Drop", func(r *rc.Rc[int]) { r.Drop() }},
	{"rc: Get", func(r *rc.Rc[int]) { _ = r.Get() }},
	{"rc: StrongCount", func(r *rc.Rc[int]) { _ = r.StrongCount() }},
	{"rc: WeakCount", func(r *rc.Rc[int]) { _ = r.WeakCount() }},
	{"rc: Downgrade", func(r *rc.Rc[int]) { w := weak.Downgrade(r); w.Drop() }},
	{"rc: Move", func(r *rc.Rc[int]) { m := r.Move(); m.Drop() }},
	{"rc: GetMut", func(r *rc.Rc[int]) { _, _ = r.GetMut() }},
	{"rc: MakeMut", func(r *rc.Rc[int]) { r.MakeMut(func(v int) int { return v }) }},
	{"rc: TryUnwrap", func(r *rc.Rc[int]) { _, _ = r.TryUnwrap() }},
	{"rc: IntoInner", func(r *rc.Rc[int]) { _, _ = r.IntoInner() }},
}

// weakOps are the operations of a Weak, each made to leave no handle behind
// if it succeeded.
var weakOps = []struct {
	op  string
	use func(w *weak.Weak[int])
}{
	{"rc: Weak.Upgrade", func(w *weak.Weak[int]) {
		if u, ok := w.Upgrade(); ok {
			u.Drop()
		}
	}},
	{"rc: Weak.Clone", func(w *weak.Weak[int]) { c := w.Clone(); c.Drop() }},
	{"rc: Weak.Drop", func(w *weak.Weak[int]) { w.Drop() }},
	{"rc: Weak.StrongCount", func(w *weak.Weak[int]) { _ = w.StrongCount() }},
	{"rc: Weak.WeakCount", func(w *weak.Weak[int]) { _ = w.WeakCount() }},
	{"rc: Weak.Move", func(w *weak.Weak[int]) { m := w.Move(); m.Drop() }},
}

// TestStaleStrongCopyAfterReuseIsRefused proves that every operation on a
// strong handle from the header's previous life is refused with the reuse
// message (I5), and that the refusal leaves the new owner's allocation, the
// pool and the live count exactly as they were.
func TestStaleStrongCopyAfterReuseIsRefused(t *testing.T) {
	rctest.RequireChecks(t)
	for _, o := range strongOps {
		t.Run(o.op, func(t *testing.T) {
			rctest.VerifyNoLeaks(t)
			p := pool.NewPool[int](1, nil)
			old := pool.New(p, 1)
			stale := rctest.UncountedCopy(&old)
			old.Drop()
			live := pool.New(p, 2)
			lw := weak.Downgrade(&live)
			requireSize(t, p, 0, "set-up: the stale handle's header was reused for live")
			require.True(t, rc.PtrEq(stale, &live), "set-up: the stale handle points at live's header")

			want := take(&live, p)
			requireStaleRefused(t, func() { o.use(stale) }, o.op, 1, 2,
				"the stale handle is from generation 1; the header now serves live, in generation 2")
			assert.Equal(t, want, take(&live, p),
				"a refused operation changes no count of the new allocation, nor the pool")
			assert.Equal(t, 1, lw.StrongCount(), "live's Weak still sees exactly one strong handle")

			lw.Drop()
			live.Drop()
			requireSize(t, p, 1, "live's own handles free the header exactly once")
		})
	}
}

// TestStaleWeakCopyAfterReuseIsRefused proves the same for a Weak from the
// header's previous life: every operation is refused (I5), and none changes
// the new owner's counts, so a stale Upgrade cannot hand out the new value
// and a stale Drop cannot free it.
func TestStaleWeakCopyAfterReuseIsRefused(t *testing.T) {
	rctest.RequireChecks(t)
	for _, o := range weakOps {
		t.Run(o.op, func(t *testing.T) {
			rctest.VerifyNoLeaks(t)
			p := pool.NewPool[int](1, nil)
			old := pool.New(p, 1)
			w := weak.Downgrade(&old)
			stale := rctest.UncountedCopy(&w)
			w.Drop()
			old.Drop()
			requireSize(t, p, 1, "set-up: with its only Weak dropped the header returned to the pool")
			live := pool.New(p, 2)
			lw := weak.Downgrade(&live)
			require.True(t, weak.PtrEq(stale, &lw), "set-up: the stale Weak points at live's header")

			want := take(&live, p)
			requireStaleRefused(t, func() { o.use(stale) }, o.op, 1, 2,
				"the stale Weak is from generation 1; the header now serves live, in generation 2")
			assert.Equal(t, want, take(&live, p),
				"a refused operation changes no count of the new allocation, nor the pool")

			lw.Drop()
			live.Drop()
			requireSize(t, p, 1, "live's own handles free the header exactly once")
		})
	}
}

// TestStaleHandleToAFreedPooledHeaderIsPlainUseAfterFree proves that while
// the freed header waits in the pool (not yet reused), a stale handle is
// refused as for rc.New: "use after free (I5)", without generations, since
// none has changed. A null pool, which lets the header go, gives the same.
// The refused operations must not put the header in the pool a second time.
func TestStaleHandleToAFreedPooledHeaderIsPlainUseAfterFree(t *testing.T) {
	rctest.RequireChecks(t)
	pools := []struct {
		name string
		max  int
	}{
		{"header waiting in the pool", 1},
		{"null pool", 0},
	}
	for _, pc := range pools {
		for _, o := range strongOps {
			t.Run(pc.name+"/"+o.op, func(t *testing.T) {
				rctest.VerifyNoLeaks(t)
				p := pool.NewPool[int](pc.max, nil)
				r := pool.New(p, 1)
				stale := rctest.UncountedCopy(&r)
				r.Drop()
				before := rctest.Live()
				requireRefused(t, func() { o.use(stale) }, invariants.I5, o.op+": use after free (I5)",
					"the allocation is freed and its header not reused")
				requireSize(t, p, pc.max, "a refused operation neither takes the header nor returns it again")
				rctest.RequireLive(t, before, 0, "a refused operation revives nothing", p)
			})
		}
		for _, o := range weakOps {
			t.Run(pc.name+"/"+o.op, func(t *testing.T) {
				rctest.VerifyNoLeaks(t)
				p := pool.NewPool[int](pc.max, nil)
				r := pool.New(p, 1)
				w := weak.Downgrade(&r)
				stale := rctest.UncountedCopy(&w)
				r.Drop()
				w.Drop()
				before := rctest.Live()
				requireRefused(t, func() { o.use(stale) }, invariants.I5, o.op+": use after free (I5)",
					"the allocation is freed and its header not reused")
				requireSize(t, p, pc.max, "a refused operation neither takes the header nor returns it again")
				rctest.RequireLive(t, before, 0, "a refused operation revives nothing", p)
			})
		}
	}
}

// TestStaleHandleMessageChangesOnceTheHeaderIsReused proves that the same
// stale handle is first refused as a plain use after free and, once New has
// reused the header, with the reuse message.
func TestStaleHandleMessageChangesOnceTheHeaderIsReused(t *testing.T) {
	rctest.RequireChecks(t)
	rctest.VerifyNoLeaks(t)
	p := pool.NewPool[int](1, nil)
	r := pool.New(p, 1)
	stale := rctest.UncountedCopy(&r)
	r.Drop()
	requireRefused(t, func() { stale.Get() }, invariants.I5, "rc: Get: use after free (I5)",
		"the header is freed and waiting in the pool")
	live := pool.New(p, 2)
	requireStaleRefused(t, func() { stale.Get() }, "rc: Get", 1, 2,
		"the header is alive again, for live")
	assert.Equal(t, 2, *live.Get(), "the new owner's value is untouched")
	live.Drop()
}

// TestGenerationsCountUp proves that every reuse of a header advances its
// generation by one, and that a stale handle keeps the generation it was
// made for: the message tells exactly how many lives the header has had
// since. A pooled header is in generation 1 in its first life.
func TestGenerationsCountUp(t *testing.T) {
	rctest.RequireChecks(t)
	cases := []struct {
		staleLife, reuses int // the life the stale copy is made in; reuses after it
	}{
		{staleLife: 0, reuses: 1},
		{staleLife: 0, reuses: 3},
		{staleLife: 1, reuses: 2},
		{staleLife: 4, reuses: 1},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("life=%d/reuses=%d", c.staleLife, c.reuses), func(t *testing.T) {
			rctest.VerifyNoLeaks(t)
			p := pool.NewPool[int](1, nil)
			for range c.staleLife {
				r := pool.New(p, 0)
				r.Drop()
			}
			r := pool.New(p, 1)
			stale := rctest.UncountedCopy(&r)
			r.Drop()
			for range c.reuses - 1 {
				again := pool.New(p, 0)
				again.Drop()
			}
			live := pool.New(p, 2)
			staleGen := c.staleLife + 1 // the first life is generation 1
			headerGen := staleGen + c.reuses
			for _, o := range []struct {
				op  string
				use func()
			}{
				{"rc: Get", func() { stale.Get() }},
				{"rc: Clone", func() { c := stale.Clone(); c.Drop() }},
				{"rc: Drop", stale.Drop},
			} {
				requireStaleRefused(t, o.use, o.op, staleGen, headerGen,
					"the header was handed out once per life, one pool, LIFO")
			}
			requireCounts(t, &live, 1, 0, "the refusals changed no count of the live allocation")
			live.Drop()
		})
	}
}

// TestFilledHeadersStartAtGenerationOne proves that a header made by Fill
// starts at generation 1 when first handed out, like a header the pool
// allocates on demand: a handle from it is refused by generation once the
// header comes back around, like any other.
func TestFilledHeadersStartAtGenerationOne(t *testing.T) {
	rctest.RequireChecks(t)
	rctest.VerifyNoLeaks(t)
	p := pool.NewPool[int](1, nil)
	p.Fill()
	r := pool.New(p, 1)
	stale := rctest.UncountedCopy(&r)
	r.Drop()
	live := pool.New(p, 2)
	requireStaleRefused(t, func() { stale.Get() }, "rc: Get", 1, 2,
		"Fill makes waiting headers in generation 0; each New from the pool starts the next one")
	live.Drop()
}
