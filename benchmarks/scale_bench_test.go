package benchmarks

import (
	"fmt"
	"testing"

	"github.com/rcbook/rcbook/rc"
)

// liveCounts are the numbers of live allocations Clone+Drop is measured
// over: one (always in cache) up to 100 000 (6 MiB of headers, more than
// this machine's caches hold).
var liveCounts = []int{1, 10, 1000, 100_000}

// BenchmarkCloneDropLive is Clone+Drop spread over n live allocations,
// visited in a fixed shuffled order, so that with many allocations each
// pair touches a header the cache no longer holds. docs/bench's Rust
// program visits its Rcs in the same order.
func BenchmarkCloneDropLive(b *testing.B) {
	for _, n := range liveCounts {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			handles := make([]rc.Rc[int], n)
			for i := range handles {
				handles[i] = rc.New(i)
			}
			defer func() {
				for i := range handles {
					handles[i].Drop()
				}
			}()
			order := visitOrder(n)
			i := 0
			for b.Loop() {
				c := handles[order[i]].Clone()
				c.Drop()
				if i++; i == n {
					i = 0
				}
			}
		})
	}
}

// visitOrder is a Fisher–Yates shuffle of 0..n-1 driven by xorshift64
// from a fixed seed: the same order every run, and the same as
// docs/bench/pairs.rs uses.
func visitOrder(n int) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	x := uint64(0x9E3779B97F4A7C15)
	for i := n - 1; i > 0; i-- {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		j := int(x % uint64(i+1))
		order[i], order[j] = order[j], order[i]
	}
	return order
}
