package benchmarks

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/rcbook/rcbook/arc"
)

// arc.Arc's Clone+Drop beside its floor: a bare atomic.Int64 incremented and
// decremented, with no handle, no empty-handle test, no overflow test and
// no last-drop test. An Arc cannot do less than these two locked
// instructions; the ratio between the two is what the handle costs on top.
// docs/benchmarks.md explains how to read the ratios.

func BenchmarkArcCloneDrop(b *testing.B) {
	r := arc.New(42)
	defer r.Drop()
	for b.Loop() {
		c := r.Clone()
		c.Drop()
	}
}

func BenchmarkAtomicInt64AddPair(b *testing.B) {
	n := new(atomic.Int64)
	n.Store(1)
	for b.Loop() {
		n.Add(1)
		n.Add(-1)
	}
}

// The contended versions run two goroutines on one allocation (one counter),
// each with handles of its own, so that every Add moves the cache line
// between cores. ns/op is wall time per pair of operations, both goroutines
// together: b.N pairs are split between them.

func BenchmarkArcCloneDropContended(b *testing.B) {
	r := arc.New(42)
	defer r.Drop()
	handles := [2]arc.Arc[int]{r.Clone(), r.Clone()}
	onTwoGoroutines(b, func(g, n int) {
		h := &handles[g]
		for range n {
			c := h.Clone()
			c.Drop()
		}
		h.Drop()
	})
}

func BenchmarkAtomicInt64AddPairContended(b *testing.B) {
	n := new(atomic.Int64)
	n.Store(1)
	onTwoGoroutines(b, func(_, iters int) {
		for range iters {
			n.Add(1)
			n.Add(-1)
		}
	})
}

// Upgrade+Drop under contention: the compare-and-swap loop's retries show
// here, beside Clone's plain Add.

func BenchmarkArcUpgradeDropContended(b *testing.B) {
	r := arc.New(42)
	defer r.Drop()
	weaks := [2]arc.Weak[int]{arc.Downgrade(&r), arc.Downgrade(&r)}
	onTwoGoroutines(b, func(g, n int) {
		w := &weaks[g]
		for range n {
			u, _ := w.Upgrade()
			u.Drop()
		}
		w.Drop()
	})
}

// onTwoGoroutines splits b.N iterations between two goroutines, started
// together, and times them from start to the end of the slower one.
func onTwoGoroutines(b *testing.B, work func(g, n int)) {
	var ready, done sync.WaitGroup
	start := make(chan struct{})
	ready.Add(2)
	done.Add(2)
	for g := range 2 {
		n := b.N / 2
		if g == 0 {
			n += b.N % 2
		}
		go func() {
			defer done.Done()
			ready.Done()
			<-start
			work(g, n)
		}()
	}
	ready.Wait()
	b.ResetTimer()
	close(start)
	done.Wait()
}
