package arc_test

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/rcbook/rcbook/arc"
)

// Races around the end and the start of a value's life: Upgrade against
// the last Drop (I7), IntoInner and TryUnwrap against each other and
// against Upgrade, and NewCyclic publishing its value to a goroutine that
// is already waiting on a Weak.

// TestUpgradeRacingTheLastDrop: several goroutines upgrade and drop as
// fast as they can while the owner drops the last strong handle. Every
// successful Upgrade must find the value alive, and once one fails, every
// later one on that goroutine fails too: strong never comes back from 0.
func TestUpgradeRacingTheLastDrop(t *testing.T) {
	defer goleak.VerifyNone(t)
	before := arc.LiveAllocations()
	rounds := 500
	if testing.Short() {
		rounds = 50
	}
	var vs violations
	var died atomic.Int64 // upgraders that saw the value die under them
	for range rounds {
		v := new(tracked)
		a := arc.New(v)
		const upgraders = 3
		weaks := make([]*arc.Weak[*tracked], upgraders)
		for g := range weaks {
			weaks[g] = new(arc.Weak[*tracked])
			*weaks[g] = arc.Downgrade(&a)
		}
		runTogether(upgraders+1, func(g int) {
			if g == upgraders {
				runtime.Gosched()
				a.Drop()
				return
			}
			w := weaks[g]
			failed := false
			for range 1000 {
				u, ok := w.Upgrade()
				if !ok {
					failed = true
					break
				}
				if v.dead.Load() {
					vs.add("Upgrade succeeded after the value was dropped (I7)")
				}
				read(*u.Get(), &vs)
				u.Drop()
				runtime.Gosched() // leave gaps in which no upgrader holds a handle
			}
			if u, ok := w.Upgrade(); ok {
				if failed {
					vs.add("Upgrade succeeded after an earlier one failed: the value was revived (I7)")
				}
				u.Drop()
			}
			if failed {
				died.Add(1)
			}
			w.Drop()
		})
		require.Equal(t, int32(1), v.drops.Load(), "the destructor runs exactly once (I2)")
		require.Equal(t, before, arc.LiveAllocations(), "freed (I5)")
	}
	vs.check(t)
	t.Logf("%d rounds; %d upgraders saw the value die while they were upgrading", rounds, died.Load())
	assert.Positive(t, died.Load(), "the race between the last Drop and Upgrade must be reached")
}

// TestIntoInnerGivesTheValueToExactlyOneOwner: every owner calls
// IntoInner at once; one gets the value, the destructor never runs.
func TestIntoInnerGivesTheValueToExactlyOneOwner(t *testing.T) {
	defer goleak.VerifyNone(t)
	before := arc.LiveAllocations()
	for range 300 {
		v := new(tracked)
		a := arc.New(v)
		const owners = 4
		hs := make([]*arc.Arc[*tracked], owners)
		for g := range hs {
			hs[g] = new(arc.Arc[*tracked])
			*hs[g] = a.Clone()
		}
		a.Drop()
		var got atomic.Int32
		runTogether(owners, func(g int) {
			if p, ok := hs[g].IntoInner(); ok {
				got.Add(1)
				p.payload = 42 // the new owner's: nobody else can reach it
			}
		})
		require.Equal(t, int32(1), got.Load(), "exactly one owner gets the value")
		require.Zero(t, v.drops.Load(), "a value taken out is never dropped")
		require.Equal(t, before, arc.LiveAllocations())
	}
}

// TestTryUnwrapRacingUpgrades: Weaks upgrade and drop on other goroutines
// while the owner tries TryUnwrap until it succeeds. No Upgrade may hold a
// handle when it does, and none may succeed afterwards.
func TestTryUnwrapRacingUpgrades(t *testing.T) {
	defer goleak.VerifyNone(t)
	before := arc.LiveAllocations()
	var vs violations
	for range 200 {
		v := new(tracked)
		a := arc.New(v)
		const upgraders = 2
		weaks := make([]*arc.Weak[*tracked], upgraders)
		for g := range weaks {
			weaks[g] = new(arc.Weak[*tracked])
			*weaks[g] = arc.Downgrade(&a)
		}
		var taken atomic.Bool
		runTogether(upgraders+1, func(g int) {
			if g == upgraders {
				for {
					if p, ok := a.TryUnwrap(); ok {
						taken.Store(true)
						p.payload = 7 // ours now: no Upgrade can reach it
						return
					}
					runtime.Gosched()
				}
			}
			for range 50 {
				u, ok := weaks[g].Upgrade()
				if !ok {
					break
				}
				if taken.Load() {
					vs.add("an Upgrade holds a handle to a value TryUnwrap took (I7)")
				}
				read(*u.Get(), &vs)
				u.Drop()
			}
			weaks[g].Drop()
		})
		require.Zero(t, v.drops.Load(), "a value taken out is never dropped")
		require.Equal(t, before, arc.LiveAllocations())
	}
	vs.check(t)
}

// TestNewCyclicPublishesTheValueToAnotherGoroutine: build hands a Weak to a
// goroutine that spins on Upgrade. It must fail until build has returned,
// then succeed and see the whole value.
func TestNewCyclicPublishesTheValueToAnotherGoroutine(t *testing.T) {
	defer goleak.VerifyNone(t)
	before := arc.LiveAllocations()
	type node struct {
		self  arc.Weak[*node]
		label string
	}
	for range 200 {
		var wg sync.WaitGroup
		var failures atomic.Int32
		a := arc.NewCyclic(func(self *arc.Weak[*node]) *node {
			w := new(arc.Weak[*node])
			*w = self.Clone()
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					u, ok := w.Upgrade()
					if !ok {
						failures.Add(1)
						runtime.Gosched()
						continue
					}
					if (*u.Get()).label != "built" {
						panic("Upgrade succeeded before the value was stored")
					}
					u.Drop()
					w.Drop()
					return
				}
			}()
			runtime.Gosched()
			return &node{self: self.Clone(), label: "built"}
		})
		wg.Wait()
		n := *a.Get()
		a.Drop()
		n.self.Drop() // the node's own Weak: no Dropper here, so its owner drops it
		require.Equal(t, before, arc.LiveAllocations())
	}
}
