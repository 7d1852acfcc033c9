package arc

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// These tests take the racy interleavings of unique.go one step at a time,
// on one goroutine, so that they happen every time rather than once in a
// million runs. The stress tests then show the real thing under load.

// TestReadingTheCountsOneAfterTheOtherIsFooled plays the two wrong
// uniqueness checks isUnique's comment describes, with another owner B
// juggling its handles between the two reads. Both checks call a unique
// while B can still reach the value; GetMut, asked at the same point,
// refuses.
func TestReadingTheCountsOneAfterTheOtherIsFooled(t *testing.T) {
	t.Run("weak then strong", func(t *testing.T) {
		a := New(1)
		b := a.Clone() // B's strong handle
		noWeak := a.box.weak.Load() == 1
		w := Downgrade(&b) // B: weak 2 ...
		b.Drop()           // ... strong 1
		oneStrong := a.box.strong.Load() == 1
		assert.True(t, noWeak && oneStrong, "the naive check sees weak == 1, then strong == 1")
		_, ok := a.GetMut()
		assert.False(t, ok, "yet B's Weak can upgrade: a is not unique (I6)")
		w.Drop()
		a.Drop()
	})
	t.Run("strong then weak", func(t *testing.T) {
		a := New(1)
		w := Downgrade(&a) // B's Weak
		oneStrong := a.box.strong.Load() == 1
		b, ok := w.Upgrade() // B: strong 2 ...
		require.True(t, ok)
		w.Drop() // ... weak 1
		noWeak := a.box.weak.Load() == 1
		assert.True(t, oneStrong && noWeak, "the naive check sees strong == 1, then weak == 1")
		_, unique := a.GetMut()
		assert.False(t, unique, "yet B holds a strong handle: a is not unique (I6)")
		b.Drop()
		a.Drop()
	})
}

// TestDowngradeWaitsWhileTheWeakCountIsLocked holds the weak lock exactly
// as isUnique takes it, and shows that another goroutine's Downgrade cannot
// make a Weak until it is released: the race "weak then strong" cannot
// happen inside the lock.
func TestDowngradeWaitsWhileTheWeakCountIsLocked(t *testing.T) {
	a := New(1)
	b := a.Clone() // the other goroutine's handle
	require.True(t, a.box.weak.CompareAndSwap(1, weakLocked), "isUnique's first step: lock weak 1 → locked")

	made := make(chan *Weak[int])
	go func() {
		w := new(Weak[int])
		*w = Downgrade(&b)
		made <- w
	}()
	select {
	case <-made:
		t.Fatal("Downgrade made a Weak while the weak count was locked")
	case <-time.After(50 * time.Millisecond):
	}
	assert.Equal(t, weakLocked, a.box.weak.Load(), "the waiting Downgrade left the lock alone")
	assert.Equal(t, 0, a.WeakCount(), "a locked weak count reads as no Weak")
	_, ok := b.GetMut()
	assert.False(t, ok, "another handle's GetMut cannot take the lock: it is held, so strong ≥ 2")

	a.box.weak.Store(1) // isUnique's unlock
	w := <-made
	assert.Equal(t, int64(2), a.box.weak.Load(), "after the unlock the Downgrade went through")
	w.Drop()
	b.Drop()
	a.Drop()
}

// TestIsUniqueLeavesTheWeakCountUnlocked checks both outcomes of the check:
// whatever it answers, the lock is released.
func TestIsUniqueLeavesTheWeakCountUnlocked(t *testing.T) {
	a := New(1)
	assert.True(t, a.box.isUnique(), "one strong handle, no Weak")
	assert.Equal(t, int64(1), a.box.weak.Load(), "unlocked after a yes")
	b := a.Clone()
	assert.False(t, a.box.isUnique(), "two strong handles")
	assert.Equal(t, int64(1), a.box.weak.Load(), "unlocked after a no")
	b.Drop()
	a.Drop()
}

// TestTheTemptingUpgradeWouldResurrect plays the race Upgrade's compare-and-
// swap prevents: a test of strong > 0, then another goroutine's last Drop,
// then the increment.
func TestTheTemptingUpgradeWouldResurrect(t *testing.T) {
	drops := 0
	a := NewWithCleanup(1, func(int) { drops++ })
	w := Downgrade(&a)
	alive := w.box.strong.Load() > 0 // the tempting Upgrade's test ...
	a.Drop()                         // ... the last owner lets go meanwhile ...
	require.True(t, alive)
	require.Equal(t, 1, drops, "the value was dropped")
	// ... and its Add(1) would now take strong from 0 to 1: a strong handle
	// to a dropped value. The compare-and-swap sees 0 and gives up.
	_, ok := w.Upgrade()
	assert.False(t, ok, "Upgrade must fail once strong is 0 (I7)")
	assert.Equal(t, int64(0), w.box.strong.Load(), "and leave strong at 0")
	w.Drop()
}
