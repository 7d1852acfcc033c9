package benchmarks

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/rcbook/rcbook/pool"
	"github.com/rcbook/rcbook/rc"
)

// Pooled allocation. Read each pooled figure against the rc.New and plain
// heap figures of the same run; docs/benchmarks.md has the ratios.

// BenchmarkPoolNewDrop is New+Drop from a warm pool: the header is reused,
// so nothing is allocated. Compare BenchmarkNewDrop and BenchmarkPlainNewDrop.
func BenchmarkPoolNewDrop(b *testing.B) {
	p := pool.NewPool[int](1, nil)
	p.Fill()
	for b.Loop() {
		r := pool.New(p, 42)
		r.Drop()
	}
}

// BenchmarkSyncPoolGetPut is the standard library's goroutine-safe pool
// doing the same reuse for a plain box, with no counts at all: what a pool
// costs when it must be safe for concurrent use.
func BenchmarkSyncPoolGetPut(b *testing.B) {
	boxes := sync.Pool{New: func() any { return new(plainBox) }}
	for b.Loop() {
		x := boxes.Get().(*plainBox)
		x.strong, x.value = 1, 42
		boxes.Put(x)
	}
}

// big is refpool's large element: 1 024 machine words, 8 KiB.
type big [1024]int

// sizes are the two ends of refpool's range of element counts.
var sizes = []int{1024, 131_072}

// BenchmarkAllocN allocates n values, keeps them all, then drops them all:
// refpool's "alloc" pattern. heap is new(T) into a slice, rc is rc.New and
// Drop, pool is Default and Drop with a warm pool of n headers (filled
// before timing; the drops refill it), and pool-empty starts every round
// with a new, empty pool, so every header comes from the heap and the
// drops fill the pool for nobody. ns/elem is the time per element, and
// gc-ns/elem the garbage collector's CPU time per element (perElem).
func BenchmarkAllocN(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("int/n=%d/heap", n), func(b *testing.B) { allocHeap[int](b, n) })
		b.Run(fmt.Sprintf("int/n=%d/rc", n), func(b *testing.B) { allocRc[int](b, n) })
		b.Run(fmt.Sprintf("int/n=%d/pool", n), func(b *testing.B) { allocPool[int](b, n) })
		b.Run(fmt.Sprintf("int/n=%d/pool-empty", n), func(b *testing.B) { allocEmptyPool[int](b, n) })
		b.Run(fmt.Sprintf("big/n=%d/heap", n), func(b *testing.B) { allocHeap[big](b, n) })
		b.Run(fmt.Sprintf("big/n=%d/rc", n), func(b *testing.B) { allocRc[big](b, n) })
		b.Run(fmt.Sprintf("big/n=%d/pool", n), func(b *testing.B) { allocPool[big](b, n) })
		b.Run(fmt.Sprintf("big/n=%d/pool-empty", n), func(b *testing.B) { allocEmptyPool[big](b, n) })
	}
}

// BenchmarkReallocN allocates and drops one value at a time, n times:
// refpool's "realloc" pattern, in which a pool reuses a single header.
func BenchmarkReallocN(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("int/n=%d/heap", n), func(b *testing.B) { reallocHeap[int](b, n) })
		b.Run(fmt.Sprintf("int/n=%d/rc", n), func(b *testing.B) { reallocRc[int](b, n) })
		b.Run(fmt.Sprintf("int/n=%d/pool", n), func(b *testing.B) { reallocPool[int](b, n) })
		b.Run(fmt.Sprintf("big/n=%d/heap", n), func(b *testing.B) { reallocHeap[big](b, n) })
		b.Run(fmt.Sprintf("big/n=%d/rc", n), func(b *testing.B) { reallocRc[big](b, n) })
		b.Run(fmt.Sprintf("big/n=%d/pool", n), func(b *testing.B) { reallocPool[big](b, n) })
	}
}

func allocHeap[T any](b *testing.B, n int) {
	s := make([]*T, n)
	gc := startGCClock()
	for b.Loop() {
		for i := range s {
			s[i] = new(T)
		}
		clear(s)
	}
	perElem(b, n, gc)
}

func allocRc[T any](b *testing.B, n int) {
	s := make([]rc.Rc[T], n)
	var zero T
	gc := startGCClock()
	for b.Loop() {
		for i := range s {
			s[i] = rc.New(zero)
		}
		for i := range s {
			s[i].Drop()
		}
	}
	perElem(b, n, gc)
}

func allocPool[T any](b *testing.B, n int) {
	s := make([]rc.Rc[T], n)
	p := pool.NewPool[T](n, nil)
	p.Fill()
	gc := startGCClock()
	for b.Loop() {
		for i := range s {
			s[i] = pool.Default(p)
		}
		for i := range s {
			s[i].Drop()
		}
	}
	perElem(b, n, gc)
}

func allocEmptyPool[T any](b *testing.B, n int) {
	s := make([]rc.Rc[T], n)
	gc := startGCClock()
	for b.Loop() {
		p := pool.NewPool[T](n, nil)
		for i := range s {
			s[i] = pool.Default(p)
		}
		for i := range s {
			s[i].Drop()
		}
	}
	perElem(b, n, gc)
}

// sink keeps reallocHeap's values on the heap: without it the compiler would
// put them on the stack and allocate nothing.
var sink any

func reallocHeap[T any](b *testing.B, n int) {
	gc := startGCClock()
	for b.Loop() {
		for range n {
			sink = new(T)
		}
	}
	perElem(b, n, gc)
}

func reallocRc[T any](b *testing.B, n int) {
	var zero T
	gc := startGCClock()
	for b.Loop() {
		for range n {
			r := rc.New(zero)
			r.Drop()
		}
	}
	perElem(b, n, gc)
}

func reallocPool[T any](b *testing.B, n int) {
	p := pool.NewPool[T](n, nil)
	gc := startGCClock()
	for b.Loop() {
		for range n {
			r := pool.Default(p)
			r.Drop()
		}
	}
	perElem(b, n, gc)
}

// perElem reports the time per element, so that the two sizes compare, and
// the garbage collector's CPU time per element since gc was taken: what
// collecting the benchmark's garbage cost, on top of allocating it.
func perElem(b *testing.B, n int, gc gcClock) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/elem")
	b.ReportMetric(float64(gc.since().Nanoseconds())/float64(b.N*n), "gc-ns/elem")
}

// gcClock reads the collector's CPU time as runtime/metrics estimates it:
// the sum of its mark work, assists and idle marking, on every core.
type gcClock time.Duration

// gcCPU is the runtime/metrics name of the collector's CPU time.
const gcCPU = "/cpu/classes/gc/total:cpu-seconds"

// startGCClock runs a collection, so that the garbage made before the
// benchmark is not charged to it, and reads the collector's CPU time.
func startGCClock() gcClock {
	runtime.GC()
	return gcClock(readGCCPU())
}

func (c gcClock) since() time.Duration { return readGCCPU() - time.Duration(c) }

func readGCCPU() time.Duration {
	s := []metrics.Sample{{Name: gcCPU}}
	metrics.Read(s)
	return time.Duration(s[0].Value.Float64() * float64(time.Second))
}
