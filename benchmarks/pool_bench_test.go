package benchmarks

import (
	"fmt"
	"sync"
	"testing"

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
// drops fill the pool for nobody. ns/elem is the time per element.
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
	for b.Loop() {
		for i := range s {
			s[i] = new(T)
		}
		clear(s)
	}
	perElem(b, n)
}

func allocRc[T any](b *testing.B, n int) {
	s := make([]rc.Rc[T], n)
	var zero T
	for b.Loop() {
		for i := range s {
			s[i] = rc.New(zero)
		}
		for i := range s {
			s[i].Drop()
		}
	}
	perElem(b, n)
}

func allocPool[T any](b *testing.B, n int) {
	s := make([]rc.Rc[T], n)
	p := pool.NewPool[T](n, nil)
	p.Fill()
	for b.Loop() {
		for i := range s {
			s[i] = pool.Default(p)
		}
		for i := range s {
			s[i].Drop()
		}
	}
	perElem(b, n)
}

func allocEmptyPool[T any](b *testing.B, n int) {
	s := make([]rc.Rc[T], n)
	for b.Loop() {
		p := pool.NewPool[T](n, nil)
		for i := range s {
			s[i] = pool.Default(p)
		}
		for i := range s {
			s[i].Drop()
		}
	}
	perElem(b, n)
}

// sink keeps reallocHeap's values on the heap: without it the compiler would
// put them on the stack and allocate nothing.
var sink any

func reallocHeap[T any](b *testing.B, n int) {
	for b.Loop() {
		for range n {
			sink = new(T)
		}
	}
	perElem(b, n)
}

func reallocRc[T any](b *testing.B, n int) {
	var zero T
	for b.Loop() {
		for range n {
			r := rc.New(zero)
			r.Drop()
		}
	}
	perElem(b, n)
}

func reallocPool[T any](b *testing.B, n int) {
	p := pool.NewPool[T](n, nil)
	for b.Loop() {
		for range n {
			r := pool.Default(p)
			r.Drop()
		}
	}
	perElem(b, n)
}

// perElem reports the time per element, so that the two sizes compare.
func perElem(b *testing.B, n int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/elem")
}
