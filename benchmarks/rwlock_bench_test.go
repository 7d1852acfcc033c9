package benchmarks

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/rcbook/rcbook/refcount"
	"github.com/rcbook/rcbook/rwlock"
)

// Readers–writer locks beside sync.RWMutex, the peer that bounds them. Each
// benchmark runs every implementation as a sub-benchmark named impl=..., so
// that one run measures them under the same conditions:
//
//	go test -run '^$' -bench 'RW|RefCount' -benchmem -count 5 ./benchmarks > rw.txt
//	benchstat -col /impl rw.txt
//
//   - RWMutex:  sync.RWMutex, RLock/RUnlock and Lock/Unlock;
//   - RefCount: refcount.RefCount, Acquire/Release and AcquireExclusive;
//   - RwLock:   rwlock.RwLock, Read/Write and the guards' Release.

// rwImpl is one readers–writer lock guarding an int, behind the same two
// calls, so that every benchmark body is written once.
type rwImpl struct {
	name string
	make func() rwLock
}

type rwLock interface {
	read(hold time.Duration) int // take shared access, read the value, sleep for hold, let go
	write()                      // take exclusive access, increment the value, let go
}

var rwImpls = []rwImpl{
	{name: "RWMutex", make: func() rwLock { return &mutexRW{} }},
	{name: "RefCount", make: func() rwLock { return &refcountRW{} }},
	{name: "RwLock", make: func() rwLock { return &rwlockRW{l: rwlock.New(0)} }},
}

type mutexRW struct {
	mu sync.RWMutex
	v  int
}

func (m *mutexRW) read(hold time.Duration) int {
	m.mu.RLock()
	v := m.v
	holdFor(hold)
	m.mu.RUnlock()
	return v
}

func (m *mutexRW) write() {
	m.mu.Lock()
	m.v++
	m.mu.Unlock()
}

type refcountRW struct {
	refs refcount.RefCount
	v    int
}

func (r *refcountRW) read(hold time.Duration) int {
	ref, err := r.refs.Acquire(context.Background())
	if err != nil {
		panic(err)
	}
	v := r.v
	holdFor(hold)
	ref.Release()
	return v
}

func (r *refcountRW) write() {
	ref, err := r.refs.AcquireExclusive(context.Background())
	if err != nil {
		panic(err)
	}
	r.v++
	ref.Release()
}

type rwlockRW struct{ l *rwlock.RwLock[int] }

func (r *rwlockRW) read(hold time.Duration) int {
	g, err := r.l.Read(context.Background())
	if err != nil {
		panic(err)
	}
	v := *g.Value()
	holdFor(hold)
	g.Release()
	return v
}

func (r *rwlockRW) write() {
	g, err := r.l.Write(context.Background())
	if err != nil {
		panic(err)
	}
	*g.Value()++
	g.Release()
}

// rwSink and rwWorkSink take the values read, so the compiler keeps the reads.
var rwSink int

// BenchmarkRWReadUncontended is one goroutine taking and releasing shared
// access, nobody else around: the fast path every reader pays. The direct
// calls (not the rwLock interface) are measured, so that inlining counts.
func BenchmarkRWReadUncontended(b *testing.B) {
	b.Run("impl=RWMutex", func(b *testing.B) {
		var mu sync.RWMutex
		v := 1
		for b.Loop() {
			mu.RLock()
			rwSink = v
			mu.RUnlock()
		}
	})
	b.Run("impl=RefCount", func(b *testing.B) {
		var refs refcount.RefCount
		ctx := context.Background()
		v := 1
		for b.Loop() {
			r, err := refs.Acquire(ctx)
			if err != nil {
				b.Fatal(err)
			}
			rwSink = v
			r.Release()
		}
	})
	b.Run("impl=RwLock", func(b *testing.B) {
		l := rwlock.New(1)
		ctx := context.Background()
		for b.Loop() {
			g, err := l.Read(ctx)
			if err != nil {
				b.Fatal(err)
			}
			rwSink = *g.Value()
			g.Release()
		}
	})
}

// BenchmarkRWReadContended is readers only, on every processor at once
// (b.RunParallel): nobody ever waits, but every acquire and release writes
// the same word, so the cost is the cache line travelling between cores.
// RWMutex pays the same; a per-core reader count would not, and is what
// would beat both.
func BenchmarkRWReadContended(b *testing.B) {
	for _, impl := range rwImpls {
		b.Run("impl="+impl.name, func(b *testing.B) {
			l := impl.make()
			b.RunParallel(func(pb *testing.PB) {
				s := 0
				for pb.Next() {
					s += l.read(0)
				}
				rwWorkSink.Add(int64(s))
			})
		})
	}
}

// BenchmarkRWMixed95 is a read-mostly workload: two goroutines share b.N
// operations, one in twenty a write, the rest reads. ns/op is wall time per
// operation across both; ops/s is its inverse.
func BenchmarkRWMixed95(b *testing.B) {
	const goroutines = 2
	for _, impl := range rwImpls {
		b.Run("impl="+impl.name, func(b *testing.B) {
			l := impl.make()
			var wg sync.WaitGroup
			b.ResetTimer()
			start := time.Now()
			for g := range goroutines {
				n := b.N / goroutines
				if g == 0 {
					n += b.N % goroutines
				}
				wg.Add(1)
				go func() {
					defer wg.Done()
					s := 0
					for i := range n {
						if i%20 == g { // 5% writes, staggered between the goroutines
							l.write()
						} else {
							s += l.read(0)
						}
					}
					rwWorkSink.Add(int64(s))
				}()
			}
			wg.Wait()
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "ops/s")
		})
	}
}

var rwWorkSink atomic.Int64

// BenchmarkRWWriterWait measures how long a writer waits while readers keep
// arriving. Eight reader goroutines take shared access again and again, at
// once, each holding it across a short sleep (so that holds overlap without
// the readers taking the CPUs from the writer); one writer, the benchmark
// loop, asks for exclusive access b.N times, sleeping between writes while
// the readers flood back in. Without writer preference the writer would
// never get in: some reader always holds. sync.RWMutex and RefCount both
// block new readers once a writer waits, so the wait is the remaining holds
// of the readers already in, plus a wake-up. Reported: the mean and the 99th
// percentile of the wait, in ns (ns/op is mostly the writer's own sleep).
func BenchmarkRWWriterWait(b *testing.B) {
	const (
		readers = 8
		hold    = 10 * time.Microsecond
		pause   = 50 * time.Microsecond
	)
	for _, impl := range rwImpls {
		b.Run("impl="+impl.name, func(b *testing.B) {
			l := impl.make()
			var stop atomic.Bool
			var wg sync.WaitGroup
			for range readers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					s := 0
					for !stop.Load() {
						s += l.read(hold)
					}
					rwWorkSink.Add(int64(s))
				}()
			}
			time.Sleep(pause) // let the flood start
			waits := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for range b.N {
				t0 := time.Now()
				l.write()
				waits = append(waits, time.Since(t0))
				time.Sleep(pause)
			}
			b.StopTimer()
			stop.Store(true)
			wg.Wait()
			reportWaits(b, waits)
		})
	}
}

// holdFor keeps shared access for d by sleeping, which holds the lock
// without holding a CPU. A zero d costs one comparison.
func holdFor(d time.Duration) {
	if d > 0 {
		time.Sleep(d)
	}
}

// reportWaits reports the mean and the 99th percentile of waits.
func reportWaits(b *testing.B, waits []time.Duration) {
	if len(waits) == 0 {
		return
	}
	var total time.Duration
	for _, w := range waits {
		total += w
	}
	slices.Sort(waits)
	b.ReportMetric(float64(total.Nanoseconds())/float64(len(waits)), "wait-mean-ns")
	b.ReportMetric(float64(waits[len(waits)*99/100].Nanoseconds()), "wait-p99-ns")
}
