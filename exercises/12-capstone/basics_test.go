package capstone

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// These tests follow the README's order of work, one per step. Run them
// one step at a time (go test -run Step1, then Step2, ...) before the
// harness in model_test.go, which needs everything at once.

// notYet turns a panic into a test failure, so that one method still
// panicking "TODO" does not stop every other test. Call it deferred, with
// the README step the test is about.
func notYet(t *testing.T, step string) {
	p := recover()
	if p == nil {
		return
	}
	if s, ok := p.(string); ok && strings.HasPrefix(s, "TODO") {
		t.Fatalf("not written yet: %s\nThis test needs %s (README, \"Your task\").", s, step)
	}
	t.Fatalf("panic: %v\n%s", p, debug.Stack())
}

// traced is a value whose destructor writes to a log, so that a test can
// see when, and how often, it dropped.
type traced struct {
	name string
	log  *[]string
}

func (v *traced) Drop() { *v.log = append(*v.log, "drop "+v.name) }

func TestStep1NewMakesTheFirstOwner(t *testing.T) {
	defer notYet(t, "step 1")
	base := LiveAllocations()
	r := New(42)
	require.False(t, r.IsEmpty(), "New returns a handle that owns its value: it is not empty")
	require.Equal(t, 42, *r.Get(), "Get must point at the value New stored")
	require.Equal(t, 1, r.StrongCount(), "a new Rc is the only owner of its value: strong starts at 1")
	require.Equal(t, 0, r.WeakCount(),
		"no Weak exists yet. The raw weak count is 1 (the implicit weak, I4), but WeakCount must not show it")
	require.Equal(t, base+1, LiveAllocations(), "New allocates one box: LiveAllocations must go up by one")
	// r is not dropped: Drop is step 2. Its box stays counted, which is why
	// every test measures LiveAllocations from its own base.
}

func TestStep2CloneAndDrop(t *testing.T) {
	defer notYet(t, "steps 1 and 2")
	var log []string
	base := LiveAllocations()
	a := NewWithCleanup(traced{"v", &log}, func(v traced) { *v.log = append(*v.log, "cleanup "+v.name) })
	b := a.Clone()
	require.Equal(t, 2, a.StrongCount(), "Clone adds an owner: strong 1 → 2")
	require.Equal(t, 2, b.StrongCount(), "both handles share one box, so both see strong 2")
	require.True(t, a.PtrEq(&b), "a clone points at the same box as its source")
	c := b.Move()
	require.True(t, b.IsEmpty(), "Move leaves its source empty")
	require.Equal(t, 2, c.StrongCount(), "Move hands a share over: it does not add one")
	a.Drop()
	require.True(t, a.IsEmpty(), "Drop leaves the handle empty")
	require.Equal(t, 1, c.StrongCount(), "Drop gives up one share: strong 2 → 1")
	require.Empty(t, log, "c still owns the value: it must not drop yet (I2)")
	c.Drop()
	require.Equal(t, []string{"cleanup v", "drop v"}, log,
		"the last Drop drops the value exactly once: the cleanup first, then its Drop method (runDestructor does both)")
	require.Equal(t, base, LiveAllocations(),
		"no handle is left, so the box must be freed (I3, I5): when strong reaches 0, release the implicit weak too (I4)")
}

func TestStep3TheImplicitWeak(t *testing.T) {
	defer notYet(t, "steps 1 to 3")
	base := LiveAllocations()
	r := New("value")
	w := r.Downgrade()
	require.Equal(t, 1, r.WeakCount(), "one Weak exists: WeakCount is 1, the implicit weak is never shown (I4)")
	require.Equal(t, 1, w.WeakCount(), "a Weak counts itself")
	require.Equal(t, 1, w.StrongCount(), "a Weak sees the strong count too")
	w.Drop()
	require.Equal(t, base+1, LiveAllocations(),
		"the only Weak is gone but r still owns the value, so the box must stay: "+
			"does a new box start at weak 1, the implicit weak (I4)?")
	require.Equal(t, 0, r.WeakCount(), "no Weak is left")
	r.Drop()
	require.Equal(t, base, LiveAllocations(), "no handle is left: the box must be freed (I5)")

	d := Dangling[string]()
	e := d.Clone()
	_, ok := d.Upgrade()
	require.False(t, ok, "a dangling Weak points at nothing: it never upgrades")
	require.Equal(t, [2]int{0, 0}, [2]int{d.StrongCount(), d.WeakCount()}, "a dangling Weak's counts are 0")
	require.True(t, d.PtrEq(&e), "two dangling Weaks are equal")
	d.Drop()
	e.Drop()
	require.Equal(t, base, LiveAllocations(), "a dangling Weak allocates nothing")
}

func TestStep3UpgradeFailsAfterTheLastDrop(t *testing.T) {
	defer notYet(t, "steps 1 to 3")
	var log []string
	base := LiveAllocations()
	r := New(traced{"v", &log})
	w := r.Downgrade()
	u, ok := w.Upgrade()
	require.True(t, ok, "the value is alive (strong 1), so Upgrade must succeed (I7)")
	require.Equal(t, 2, r.StrongCount(), "Upgrade makes a strong handle: strong 1 → 2")
	u.Drop()
	r.Drop()
	require.Equal(t, []string{"drop v"}, log, "the last strong handle is gone: the value drops, although a Weak remains")
	require.Equal(t, base+1, LiveAllocations(), "the Weak still points at the box: it must stay allocated (I3)")
	require.Equal(t, 0, w.StrongCount(), "the value is gone: strong is 0")
	require.Equal(t, 0, w.WeakCount(), "no strong handle remains, so WeakCount reads 0, as in Rust")
	u, ok = w.Upgrade()
	require.False(t, ok, "the value was dropped: Upgrade must fail and never bring it back (I7)")
	require.True(t, u.IsEmpty(), "a failed Upgrade returns an empty Rc")
	w.Drop()
	require.Equal(t, base, LiveAllocations(), "the last Weak is gone: now the box is freed (I5)")
	require.Equal(t, []string{"drop v"}, log, "a value drops once, however many handles it had")
}

// watcher holds a Weak to its own box. Its destructor drops that Weak, the
// last one, and then counts the live boxes: the box it is running in must
// still be one of them.
type watcher struct {
	self       Weak[watcher]
	liveInDrop *int
}

func (w *watcher) Drop() {
	w.self.Drop()
	*w.liveInDrop = LiveAllocations()
}

func TestStep3TheBoxOutlivesItsDestructor(t *testing.T) {
	defer notYet(t, "steps 1 to 3")
	base := LiveAllocations()
	liveInDrop := -1
	r := New(watcher{liveInDrop: &liveInDrop})
	r.Get().self = r.Downgrade()
	r.Drop()
	require.Equal(t, base+1, liveInDrop,
		"the destructor dropped the last Weak to its own box, and that freed the box while the destructor was still running in it: "+
			"release the implicit weak after the destructor, not before (I4)")
	require.Equal(t, base, LiveAllocations(), "once the destructor has returned, nothing holds the box: it must be freed (I5)")
}

func TestStep4UniqueMeansNoWeakEither(t *testing.T) {
	defer notYet(t, "steps 1 to 4")
	base := LiveAllocations()
	r := New(1)
	p, ok := r.GetMut()
	require.True(t, ok, "strong 1 and no Weak: r is the only way to the value, so GetMut must succeed (I6)")
	*p = 2
	w := r.Downgrade()
	_, ok = r.GetMut()
	require.False(t, ok, "strong is 1, but a Weak could Upgrade and read while you write: GetMut must refuse (I6)")
	v, ok := r.TryUnwrap()
	require.True(t, ok, "TryUnwrap needs only strong 1: it takes the value out, and Weaks may remain")
	require.Equal(t, 2, v, "TryUnwrap must return the value, with the write made through GetMut")
	require.True(t, r.IsEmpty(), "TryUnwrap consumes the handle")
	_, ok = w.Upgrade()
	require.False(t, ok, "the value was taken out: the Weak must find it gone (I7)")
	w.Drop()
	require.Equal(t, base, LiveAllocations(), "TryUnwrap releases the implicit weak; the last Weak then frees the box")

	a := New(10)
	b := a.Clone()
	*a.MakeMut(func(v int) int { return v }) = 11
	require.False(t, a.PtrEq(&b), "MakeMut with another owner must clone into a new box for a")
	require.Equal(t, [2]int{10, 11}, [2]int{*b.Get(), *a.Get()}, "b keeps the original; a writes to its clone")
	require.Equal(t, [2]int{1, 1}, [2]int{a.StrongCount(), b.StrongCount()}, "after the clone each box has one owner")
	_, ok = a.IntoInner()
	require.True(t, ok, "a is the last owner of its box: IntoInner returns the value")
	_, ok = b.IntoInner()
	require.True(t, ok, "b is the last owner of its box: IntoInner returns the value")
	require.Equal(t, base, LiveAllocations(), "both values were taken out and no Weak remains: both boxes are freed")
}

// node holds a Weak to its own box, as a value built by NewCyclic does.
type node struct{ self Weak[node] }

func (n *node) Drop() { n.self.Drop() }

func TestStep5NewCyclic(t *testing.T) {
	defer notYet(t, "steps 1 to 5")
	base := LiveAllocations()
	strongInBuild, upgradedInBuild := -1, false
	r := NewCyclic(func(self *Weak[node]) node {
		strongInBuild = self.StrongCount()
		if u, ok := self.Upgrade(); ok {
			upgradedInBuild = true
			u.Drop()
		}
		return node{self: self.Clone()}
	})
	require.Equal(t, 0, strongInBuild, "inside build the value does not exist yet: strong must be 0")
	require.False(t, upgradedInBuild, "inside build there is nothing to upgrade to: Upgrade must fail (I7)")
	require.Equal(t, 1, r.StrongCount(), "when build returns, the value exists: strong 1")
	require.Equal(t, 1, r.WeakCount(),
		"the value holds one Weak to itself; the Weak lent to build must be given back when build returns")
	u, ok := r.Get().self.Upgrade()
	require.True(t, ok, "once NewCyclic has returned, the value's own Weak upgrades")
	u.Drop()
	r.Drop()
	require.Equal(t, base, LiveAllocations(),
		"the value's Drop dropped its own Weak, then the implicit weak went: the box must be freed (I4, I5)")
}
