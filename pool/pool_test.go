package pool_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/pool"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

// requireCounts asserts both counts of a live strong handle.
func requireCounts[T any](t *testing.T, r *rc.Rc[T], strong, weak int, why string) {
	t.Helper()
	require.Equal(t, strong, r.StrongCount(), "strong count: %s", why)
	require.Equal(t, weak, r.WeakCount(), "weak count: %s", why)
}

// requireSize asserts how many freed headers p holds.
func requireSize[T any](t *testing.T, p *pool.Pool[T], want int, why string) {
	t.Helper()
	require.Equal(t, want, p.Size(), "pool size: %s", why)
}

// recoverError runs f, requires it to panic with an *invariants.Error, and
// returns that error.
func recoverError(t *testing.T, f func(), why string) *invariants.Error {
	t.Helper()
	var recovered any
	func() {
		defer func() { recovered = recover() }()
		f()
	}()
	require.NotNil(t, recovered, "must panic: %s", why)
	err, ok := recovered.(error)
	require.True(t, ok, "the panic value must be an error, got %T %v: %s", recovered, recovered, why)
	var ie *invariants.Error
	require.True(t, errors.As(err, &ie), "the panic must be an *invariants.Error, got %T %v: %s", err, err, why)
	return ie
}

// requireRefused requires f to panic with an *invariants.Error whose message
// is exactly want and whose rule is rule ("" for a plain misuse).
func requireRefused(t *testing.T, f func(), rule invariants.ID, want, why string) {
	t.Helper()
	err := recoverError(t, f, why)
	require.Equal(t, want, err.Error(), "panic message: %s", why)
	require.Equal(t, rule, err.Rule(), "rule at stake: %s", why)
}

// TestNewReusesAFreedHeader proves the basic cycle: a dropped allocation's
// header goes to the pool (Size 1), and the next New takes that very header
// back out (Size 0, same address for the value).
func TestNewReusesAFreedHeader(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rctest.Live()
	p := pool.NewPool[int](2, nil)
	requireSize(t, p, 0, "a new pool holds no header")
	require.Equal(t, 2, p.MaxSize(), "MaxSize is what NewPool was given")

	a := pool.New(p, 1)
	first := a.Get()
	requireCounts(t, &a, 1, 0, "pool.New returns the first strong handle, like rc.New")
	rctest.RequireLive(t, before, 1, "a pooled allocation is a live allocation like any other", p)
	requireSize(t, p, 0, "the empty pool had nothing to hand out, and the live header is not in it")

	a.Drop()
	requireSize(t, p, 1, "the freed header returned to the pool")
	rctest.RequireLive(t, before, 0, "a header in the pool is freed, not live", p)

	b := pool.New(p, 2)
	requireSize(t, p, 0, "New took the freed header back out")
	assert.Same(t, first, b.Get(), "the reused header holds the new value where the old one was")
	assert.Equal(t, 2, *b.Get(), "the reused header holds New's value, not the old one")
	requireCounts(t, &b, 1, 0, "a reused header starts its new life with fresh counts")
	rctest.RequireLive(t, before, 1, "reuse makes the header live again", p)
	b.Drop()
	requireSize(t, p, 1, "the header went back once more")
	rctest.RequireLive(t, before, 0, "everything was freed", p)
}

// TestWarmPoolNewAndDropAllocateNothing proves the point of the pool: once a
// header waits in it, New followed by Drop makes no trip to Go's allocator.
// It does not call rctest.VerifyNoLeaks, whose leak tracking allocates on
// every New; it checks the live count instead.
func TestWarmPoolNewAndDropAllocateNothing(t *testing.T) {
	before := rctest.Live()
	p := pool.NewPool[int](1, nil)
	warm := pool.New(p, 0)
	warm.Drop()
	requireSize(t, p, 1, "set-up: the pool is warm")

	allocs := testing.AllocsPerRun(100, func() {
		r := pool.New(p, 42)
		r.Drop()
	})
	assert.Zero(t, allocs, "New and Drop on a warm pool must reuse the header, not allocate")
	requireSize(t, p, 1, "every Drop put the header back")
	rctest.RequireLive(t, before, 0, "every New was matched by a Drop", p)
}

// TestNewOnAnEmptyPoolFallsBackToTheHeap proves that an empty pool does not
// refuse: New allocates a header, which joins the pool when freed.
func TestNewOnAnEmptyPoolFallsBackToTheHeap(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rctest.Live()
	p := pool.NewPool[int](3, nil)
	a := pool.New(p, 1)
	b := pool.New(p, 2)
	requireSize(t, p, 0, "the pool was empty: both headers came from the heap")
	rctest.RequireLive(t, before, 2, "both heap headers are live allocations", p)
	assert.Equal(t, 1, *a.Get(), "the first value is intact")
	assert.Equal(t, 2, *b.Get(), "the second value is intact")
	a.Drop()
	b.Drop()
	requireSize(t, p, 2, "headers from the heap return to the pool that made them")
	rctest.RequireLive(t, before, 0, "both were freed", p)
}

// TestFreeingMoreThanMaxSizeKeepsMaxSize proves the bound: when more
// allocations are freed than the pool may keep, it keeps MaxSize of them and
// leaves the rest to the garbage collector, and the live count stays exact.
func TestFreeingMoreThanMaxSizeKeepsMaxSize(t *testing.T) {
	cases := []struct {
		max, allocs int
	}{
		{max: 1, allocs: 1},
		{max: 1, allocs: 3},
		{max: 2, allocs: 5},
		{max: 4, allocs: 4},
		{max: 4, allocs: 10},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("max=%d/allocs=%d", c.max, c.allocs), func(t *testing.T) {
			rctest.VerifyNoLeaks(t)
			before := rctest.Live()
			p := pool.NewPool[int](c.max, nil)
			handles := make([]rc.Rc[int], c.allocs)
			for i := range handles {
				handles[i] = pool.New(p, i)
			}
			rctest.RequireLive(t, before, c.allocs, "every New made a live allocation", p)
			for i := range handles {
				handles[i].Drop()
				require.Equal(t, min(i+1, c.max), p.Size(),
					"after %d frees the pool holds as many headers as it may keep, and no more", i+1)
				rctest.RequireLive(t, before, c.allocs-i-1,
					"each Drop frees its allocation, kept by the pool or not", p)
			}
			for i := range c.allocs {
				handles[i] = pool.New(p, i)
				require.Equal(t, max(c.max-i-1, 0), p.Size(),
					"New takes from the pool while it holds headers, then falls back to the heap")
			}
			for i := range handles {
				handles[i].Drop()
			}
			requireSize(t, p, c.max, "the second round refilled the pool to its maximum")
			rctest.RequireLive(t, before, 0, "everything was freed", p)
		})
	}
}

// TestFillMakesTheNextMaxSizeNewsAllocateNothing proves Fill: afterwards the
// pool holds MaxSize headers, none of them live, and the next MaxSize calls
// to New make no allocation at all. A counted loop measures it, since
// testing.AllocsPerRun would spend the filled headers on its warm-up run.
func TestFillMakesTheNextMaxSizeNewsAllocateNothing(t *testing.T) {
	for _, max := range []int{1, 3, 8} {
		t.Run(fmt.Sprintf("max=%d", max), func(t *testing.T) {
			before := rctest.Live()
			p := pool.NewPool[int](max, nil)
			p.Fill()
			requireSize(t, p, max, "Fill fills the pool to its maximum")
			rctest.RequireLive(t, before, 0, "headers waiting in the pool are freed, not live", p)

			handles := make([]rc.Rc[int], max)
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
			var start, end runtime.MemStats
			runtime.ReadMemStats(&start)
			for i := range handles {
				handles[i] = pool.New(p, i)
			}
			runtime.ReadMemStats(&end)
			assert.Zero(t, end.Mallocs-start.Mallocs, "the first %d News after Fill reuse filled headers", max)
			requireSize(t, p, 0, "every filled header is in use")
			rctest.RequireLive(t, before, max, "each New made a live allocation", p)
			for i := range handles {
				assert.Equal(t, i, *handles[i].Get(), "each handle holds its own value")
				handles[i].Drop()
			}
			requireSize(t, p, max, "every header came back")
			rctest.RequireLive(t, before, 0, "everything was freed", p)
		})
	}
}

// TestFillOnAFullPoolIsANoOp proves that Fill only tops a pool up: on a full
// pool it neither grows it nor allocates, and on a partly full one it adds
// just the missing headers.
func TestFillOnAFullPoolIsANoOp(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	p := pool.NewPool[int](3, nil)
	r := pool.New(p, 1)
	r.Drop()
	requireSize(t, p, 1, "set-up: one freed header waits in the pool")
	p.Fill()
	requireSize(t, p, 3, "Fill added the two missing headers")
	allocs := testing.AllocsPerRun(10, p.Fill)
	assert.Zero(t, allocs, "Fill on a full pool allocates nothing")
	requireSize(t, p, 3, "Fill on a full pool leaves it at MaxSize")
}

// TestNullPoolKeepsNothing proves that a pool of maximum size 0, made by
// NewPool(0, nil) or as the zero Pool, behaves like rc.New: every New
// allocates, nothing is kept, Fill does nothing, and Default still works.
func TestNullPoolKeepsNothing(t *testing.T) {
	var zero pool.Pool[int]
	cases := []struct {
		name string
		p    *pool.Pool[int]
	}{
		{"NewPool(0, nil)", pool.NewPool[int](0, nil)},
		{"zero Pool", &zero},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rctest.VerifyNoLeaks(t)
			before := rctest.Live()
			p := c.p
			require.Zero(t, p.MaxSize(), "a null pool keeps at most 0 headers")
			p.Fill()
			requireSize(t, p, 0, "Fill on a null pool has nothing to fill")
			for i := range 3 {
				r := pool.New(p, i)
				assert.Equal(t, i, *r.Get(), "a null pool still hands out working handles")
				requireCounts(t, &r, 1, 0, "a null pool's allocation starts like rc.New's")
				rctest.RequireLive(t, before, 1, "the allocation is live", p)
				r.Drop()
				requireSize(t, p, 0, "a null pool never keeps a freed header")
				rctest.RequireLive(t, before, 0, "the allocation was freed", p)
			}
			d := pool.Default(p)
			assert.Zero(t, *d.Get(), "Default on a null pool gives the zero value")
			d.Drop()
			requireSize(t, p, 0, "a null pool never keeps a freed header, from Default either")
		})
	}
}

// TestZeroPoolValueIsUsable proves the zero Pool needs no constructor: a
// `var p pool.Pool[int]` can be passed to New right away and keeps nothing.
func TestZeroPoolValueIsUsable(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rctest.Live()
	var p pool.Pool[int]
	r := pool.New(&p, 1)
	assert.Equal(t, 1, *r.Get(), "New on the zero Pool stores the value")
	r.Drop()
	requireSize(t, &p, 0, "the zero Pool is a null pool")
	rctest.RequireLive(t, before, 0, "the allocation was freed, not kept", &p)
}

// TestWeakKeepsTheHeaderOutOfThePool proves that pooled handles keep the
// Weak rules: a Weak that outlives the value holds the header (it is not in
// the pool, so no New can reuse it under the Weak), cannot upgrade, and
// sends the header back only when it is dropped. The counts match rc.New's.
func TestWeakKeepsTheHeaderOutOfThePool(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rctest.Live()
	p := pool.NewPool[int](2, nil)
	r := pool.New(p, 7)
	w := weak.Downgrade(&r)
	requireCounts(t, &r, 1, 1, "Downgrade adds a Weak to a pooled allocation as to any other")
	assert.Equal(t, 1, w.StrongCount(), "the Weak sees the one strong handle")
	assert.Equal(t, 1, w.WeakCount(), "the Weak sees itself")

	u, ok := w.Upgrade()
	require.True(t, ok, "the value is alive: Upgrade succeeds")
	requireCounts(t, &r, 2, 1, "the upgraded handle is a second strong handle")
	u.Drop()

	r.Drop()
	requireSize(t, p, 0, "the Weak still owns the allocation: its header must not be in the pool")
	rctest.RequireLive(t, before, 1, "the dead value's allocation is live while the Weak holds it", p)
	assert.Equal(t, 0, w.StrongCount(), "the value is gone")
	assert.Equal(t, 0, w.WeakCount(), "with no strong handle left, WeakCount is 0, as in Rust")
	_, ok = w.Upgrade()
	assert.False(t, ok, "a dropped value never upgrades (I7)")

	other := pool.New(p, 8)
	assert.Equal(t, 8, *other.Get(), "New had to use another header while the Weak holds the first")
	other.Drop()
	requireSize(t, p, 1, "only the other header is back so far")

	w.Drop()
	requireSize(t, p, 2, "dropping the last Weak freed the allocation, and its header went back")
	rctest.RequireLive(t, before, 0, "everything was freed", p)
}

// TestNewWithCleanupRunsOnceBeforeTheHeaderReturns proves that a pooled
// cleanup runs exactly once, at the last strong Drop, before the value's own
// Drop method, and while the header is still out of the pool.
func TestNewWithCleanupRunsOnceBeforeTheHeaderReturns(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log rctest.Journal
	p := pool.NewPool[rctest.Resource](1, nil)
	cleanup := func(r rctest.Resource) {
		r.Log.Record(fmt.Sprintf("cleanup %s, pool size %d", r.Name, p.Size()))
	}
	a := pool.NewWithCleanup(p, rctest.Resource{Name: "a", Log: &log}, cleanup)
	b := a.Clone()
	a.Drop()
	assert.Empty(t, log, "a strong handle remains: neither cleanup nor Drop may run yet")
	b.Drop()
	assert.Equal(t, rctest.Journal{"cleanup a, pool size 0", "drop a"}, log,
		"the last strong Drop runs the cleanup once, then the value's Drop, before the header returns")
	requireSize(t, p, 1, "after the value dropped, the header returned to the pool")

	c := pool.New(p, rctest.Resource{Name: "c", Log: &log})
	c.Drop()
	assert.Equal(t, rctest.Journal{"cleanup a, pool size 0", "drop a", "drop c"}, log,
		"a reused header does not keep the previous life's cleanup: only c's Drop runs")
}

// TestDropperRunsForPooledValues proves that a pooled value's Drop method
// (rc.Dropper) runs exactly once when the last strong handle goes, even if
// a Weak keeps the header.
func TestDropperRunsForPooledValues(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log rctest.Journal
	p := pool.NewPool[rctest.Resource](1, nil)
	r := pool.New(p, rctest.Resource{Name: "file", Log: &log})
	w := weak.Downgrade(&r)
	r.Drop()
	assert.Equal(t, rctest.Journal{"drop file"}, log, "the last strong Drop drops the value exactly once")
	w.Drop()
	assert.Equal(t, rctest.Journal{"drop file"}, log, "freeing the header does not drop the value again")
	requireSize(t, p, 1, "the header returned to the pool once the Weak went")
}

// TestDoubleDropOfAPooledHandleDoesNotReturnTheHeaderTwice proves that the
// guard on spent handles, which holds in every build, also keeps a header
// from entering the pool twice: if it did, two News would share it.
func TestDoubleDropOfAPooledHandleDoesNotReturnTheHeaderTwice(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	p := pool.NewPool[int](2, nil)
	r := pool.New(p, 1)
	r.Drop()
	requireSize(t, p, 1, "set-up: the header is back")
	requireRefused(t, r.Drop, "", "rc: Drop: handle already dropped",
		"a dropped handle owns nothing to give back")
	requireSize(t, p, 1, "the refused Drop must not hand the header to the pool again")
	a := pool.New(p, 10)
	b := pool.New(p, 20)
	assert.False(t, rc.PtrEq(&a, &b), "two live allocations never share a header")
	assert.Equal(t, 10, *a.Get(), "a's value is its own")
	assert.Equal(t, 20, *b.Get(), "b's value is its own")
	a.Drop()
	b.Drop()
}

// leakOnePooled loses one allocation from p without dropping it, with
// leak tracking on, and returns the leak reports and the line of the
// pool.New call that made it. With warm, the header is reused from p.
func leakOnePooled(t *testing.T, p *pool.Pool[int], warm bool) (reports []string, line int) {
	t.Helper()
	if warm {
		r := pool.New(p, 0)
		r.Drop()
		requireSize(t, p, 1, "set-up: a freed header waits in the pool")
	} else {
		requireSize(t, p, 0, "set-up: the pool is empty, so the header comes from the heap")
	}
	reports = rctest.Leaks(func() {
		_, _, line, _ = runtime.Caller(0)
		lost := pool.New(p, 1) // the line after Caller: never dropped
		_ = lost.Get()
	})
	return reports, line + 1
}

// leakCases are the two ways pool.New finds a header.
var leakCases = []struct {
	name string
	warm bool
}{
	{"header from the heap", false},
	{"reused header", true},
}

// TestLeakOfAPooledAllocationIsReported proves that the leak tracker
// (checked builds) sees a pooled allocation lost without Drop, for a header
// from the heap and for a reused one alike: reuse re-arms the tracking that
// freeing had stopped.
func TestLeakOfAPooledAllocationIsReported(t *testing.T) {
	rctest.RequireChecks(t)
	for _, c := range leakCases {
		t.Run(c.name, func(t *testing.T) {
			p := pool.NewPool[int](1, nil)
			reports, _ := leakOnePooled(t, p, c.warm)
			require.Len(t, reports, 1, "the lost pooled allocation must be reported, exactly once")
			assert.Contains(t, reports[0], "was never freed", "the report says what went wrong")
			requireSize(t, p, 0, "a lost allocation never returns its header to the pool")
		})
	}
}

// TestLeakReportOfAPooledAllocationNamesTheCaller proves that a leak report
// for a pooled allocation names the line that called pool.New, as a report
// for rc.New names rc.New's caller; a report naming pool's own code would
// send every user to the same useless line.
func TestLeakReportOfAPooledAllocationNamesTheCaller(t *testing.T) {
	rctest.RequireChecks(t)
	for _, c := range leakCases {
		t.Run(c.name, func(t *testing.T) {
			p := pool.NewPool[int](1, nil)
			reports, line := leakOnePooled(t, p, c.warm)
			require.Len(t, reports, 1, "the lost pooled allocation must be reported, exactly once")
			assert.Contains(t, reports[0], fmt.Sprintf("%s:%d", filepath.Base(thisFile()), line),
				"the report must name the caller of pool.New, not pool's own code")
		})
	}
}

// thisFile returns the path of this test file.
func thisFile() string {
	_, file, _, _ := runtime.Caller(0)
	return file
}

// TestLiveCountsThePoolsAllocationsUntilTheyAreFreed proves Pool.Live: it
// counts what the pool handed out until the allocation is freed, a Weak
// included, and LiveAllocations counts the same allocations in checked
// builds and leaves them to the pool with -tags rcrelease.
func TestLiveCountsThePoolsAllocationsUntilTheyAreFreed(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	global := rc.LiveAllocations()
	p := pool.NewPool[int](1, nil)
	p.Fill()
	require.Zero(t, p.Live(), "headers waiting in the pool are freed, not live")
	a, b := pool.New(p, 1), pool.New(p, 2) // one reused, one from the heap
	require.Equal(t, 2, p.Live(), "both allocations are the pool's, reused or not")
	w := weak.Downgrade(&a)
	a.Drop()
	require.Equal(t, 2, p.Live(), "a dead value's allocation is live while a Weak holds it")
	w.Drop()
	require.Equal(t, 1, p.Live(), "the last Weak's Drop frees the allocation")
	if invariants.Enabled {
		require.Equal(t, 1, rc.LiveAllocations()-global, "checked builds count pooled allocations in LiveAllocations too")
	} else {
		require.Zero(t, rc.LiveAllocations()-global, "with -tags rcrelease only the pool counts its allocations")
	}
	b.Drop()
	require.Zero(t, p.Live(), "everything was freed")
	require.Equal(t, global, rc.LiveAllocations(), "and LiveAllocations is back where it started")
}
