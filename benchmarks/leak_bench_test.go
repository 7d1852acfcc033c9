package benchmarks

import (
	"context"
	"testing"

	"github.com/rcbook/rcbook/arc"
	"github.com/rcbook/rcbook/refcount"
)

// The operations leak tracking touches when it is off: a new arc
// allocation (armed only when a test asks for leaks, freed with one
// compare), and a refcount reference taken and given back. Beside
// BenchmarkCloneDrop and BenchmarkNewDrop they show what tracking costs
// the handles that do not use it.

func BenchmarkArcNewDrop(b *testing.B) {
	for b.Loop() {
		a := arc.New(42)
		a.Drop()
	}
}

func BenchmarkRefCountAcquireRelease(b *testing.B) {
	var c refcount.RefCount
	ctx := context.Background()
	for b.Loop() {
		r, err := c.Acquire(ctx)
		if err != nil {
			b.Fatal(err)
		}
		r.Release()
	}
}

func BenchmarkRefCountTryAcquireRelease(b *testing.B) {
	var c refcount.RefCount
	for b.Loop() {
		r, _ := c.TryAcquire()
		r.Release()
	}
}
