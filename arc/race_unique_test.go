package arc_test

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/rcbook/rcbook/arc"
)

// Races around uniqueness (I6): GetMut and MakeMut against goroutines that
// create, use and drop other handles to the same allocation.

// TestGetMutNeverSucceedsWhileAnotherGoroutineJugglesHandles is the race
// the weak lock exists for. Goroutine B always holds a strong handle or a
// Weak (often both, briefly), and switches between them as fast as it can:
// downgrade then drop the strong, upgrade then drop the Weak. Checking the
// two counts one after the other would, now and then, catch B between its
// steps and call A unique. GetMut must fail every single time.
func TestGetMutNeverSucceedsWhileAnotherGoroutineJugglesHandles(t *testing.T) {
	defer goleak.VerifyNone(t)
	before := arc.LiveAllocations()
	iters := 200_000
	if testing.Short() {
		iters = 10_000
	}
	a := arc.New(new(tracked))
	b := a.Clone()
	var stop atomic.Bool
	var juggles atomic.Int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // B
		defer wg.Done()
		for !stop.Load() {
			w := arc.Downgrade(&b) // strong and Weak ...
			b.Drop()               // ... Weak only
			var ok bool
			b, ok = w.Upgrade() // A's handle keeps the value alive
			if !ok {
				panic("Upgrade failed while A holds a strong handle")
			}
			w.Drop() // strong only
			if juggles.Add(1)%64 == 0 {
				runtime.Gosched() // let A run even on one processor
			}
		}
		b.Drop()
	}()
	unique, calls := 0, 0
	deadline := time.Now().Add(2 * time.Second) // a bound for slow or single-processor machines
	for (calls < iters || juggles.Load() < int64(iters/10)) && time.Now().Before(deadline) {
		if _, ok := a.GetMut(); ok {
			unique++
		}
		calls++
		if calls%64 == 0 {
			runtime.Gosched() // let B run even on one processor
		}
	}
	stop.Store(true)
	wg.Wait()
	assert.Zero(t, unique, "GetMut succeeded while B held a handle (I6)")
	assert.Positive(t, juggles.Load(), "B must have run")
	t.Logf("%d GetMut calls against %d juggles", calls, juggles.Load())
	p, ok := a.GetMut()
	require.True(t, ok, "once B is gone, a is unique")
	(*p).payload = 1
	a.Drop()
	require.Equal(t, before, arc.LiveAllocations())
}

// TestGetMutSucceedsOnlyOnceTheOthersAreGone: goroutine B holds a Weak,
// upgrades it and reads through the upgraded handles, then drops the Weak
// and leaves. A tries GetMut all along. It must not succeed until B's Weak
// is gone, and when it does, it writes while B can no longer read: the
// owner flags and the race detector check both.
func TestGetMutSucceedsOnlyOnceTheOthersAreGone(t *testing.T) {
	defer goleak.VerifyNone(t)
	before := arc.LiveAllocations()
	var vs violations
	for round := range 300 {
		v := new(tracked)
		a := arc.New(v)
		w := arc.Downgrade(&a)
		var bDone atomic.Bool
		reads := 1 + round%50
		runTogether(2, func(g int) {
			if g == 1 { // B
				for range reads {
					u, ok := w.Upgrade()
					if !ok {
						panic("A holds a strong handle: Upgrade must succeed")
					}
					read(*u.Get(), &vs)
					u.Drop()
				}
				bDone.Store(true)
				w.Drop()
				return
			}
			for { // A
				if p, ok := a.GetMut(); ok {
					if !bDone.Load() {
						vs.add("GetMut succeeded while B still held its Weak (I6)")
					}
					write(*p, &vs)
					return
				}
				runtime.Gosched()
			}
		})
		a.Drop()
		require.Equal(t, int32(1), v.drops.Load())
		require.Equal(t, before, arc.LiveAllocations())
	}
	vs.check(t)
}

// cow is a value for MakeMut: each copy knows which goroutine owns it.
type cow struct {
	owner int
	drops *atomic.Int32
}

func (c *cow) Drop() { c.drops.Add(1) }

// TestMakeMutFromManyGoroutines: every owner calls MakeMut and writes its
// own mark, then checks that it reads its own mark back. Shared values are
// cloned, so no two goroutines write one value; -race checks that, and the
// drop counts check that every copy is dropped once.
func TestMakeMutFromManyGoroutines(t *testing.T) {
	defer goleak.VerifyNone(t)
	before := arc.LiveAllocations()
	for range 200 {
		var drops atomic.Int32
		a := arc.New(&cow{owner: -1, drops: &drops})
		const owners = 4
		hs := make([]*arc.Arc[*cow], owners)
		for g := range hs {
			hs[g] = new(arc.Arc[*cow])
			*hs[g] = a.Clone()
		}
		a.Drop()
		var copies atomic.Int32
		clone := func(c *cow) *cow {
			copies.Add(1)
			return &cow{owner: c.owner, drops: c.drops}
		}
		runTogether(owners, func(g int) {
			p := hs[g].MakeMut(clone)
			(*p).owner = g
			runtime.Gosched()
			if got := (*hs[g].Get()).owner; got != g {
				panic(fmt.Sprintf("goroutine %d reads owner %d after MakeMut", g, got))
			}
			hs[g].Drop()
		})
		assert.Equal(t, copies.Load()+1, drops.Load(), "the original and every copy dropped exactly once")
		require.Equal(t, before, arc.LiveAllocations())
	}
}
