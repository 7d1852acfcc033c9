package benchmarks

import (
	"runtime"
	"testing"
	"time"

	"github.com/rcbook/rcbook/rc"
)

// Dropping a long list: each node owns the next. ns/node is the figure to
// read, wall time per node; cpu-ns/node is the process's CPU time per node
// (garbage collector included), which a busy shared machine disturbs less;
// stack-MiB is how far the goroutine stacks grew while dropping (the
// runtime's StackInuse, highest after a drop, less what it was before the
// first list was built). Building the list is outside the timer.

// queuedNode hands its next node to the drop in progress (rc.QueueDropper):
// the list drops in a loop.
type queuedNode struct {
	next rc.Rc[queuedNode]
}

func (n *queuedNode) DropInto(q *rc.DropQueue) {
	if !n.next.IsEmpty() {
		n.next.DropInto(q)
	}
}

// nestedNode drops its next node itself (rc.Dropper): a few nested calls,
// some 400 bytes of stack, per node.
type nestedNode struct {
	next rc.Rc[nestedNode]
}

func (n *nestedNode) Drop() {
	if !n.next.IsEmpty() {
		n.next.Drop()
	}
}

// BenchmarkDropChain drops a list of a million queuedNodes.
func BenchmarkDropChain(b *testing.B) {
	benchmarkChain(b, 1_000_000, func(head *rc.Rc[queuedNode]) rc.Rc[queuedNode] {
		return rc.New(queuedNode{next: head.Move()})
	})
}

// BenchmarkDropChainNested drops a list of 100 000 nestedNodes, the way
// that needs stack for every node; a million grow the stack to 512 MiB.
func BenchmarkDropChainNested(b *testing.B) {
	benchmarkChain(b, 100_000, func(head *rc.Rc[nestedNode]) rc.Rc[nestedNode] {
		return rc.New(nestedNode{next: head.Move()})
	})
}

// benchmarkChain builds a list of n nodes with push, which moves the old
// head into the new node, then times the list's drop, b.N times, and
// reports the time per node.
func benchmarkChain[T any](b *testing.B, n int, push func(head *rc.Rc[T]) rc.Rc[T]) {
	b.ReportAllocs()
	var cpu time.Duration
	cpuOK := true
	stackBefore, stackPeak := stackInUse(), uint64(0)
	for range b.N {
		b.StopTimer()
		head := rc.New(*new(T))
		for range n - 1 {
			head = push(&head)
		}
		runtime.GC() // the collection the build started is not the drop's work
		before, ok1 := processCPU()
		b.StartTimer()
		head.Drop()
		b.StopTimer()
		after, ok2 := processCPU()
		cpu += after - before
		cpuOK = cpuOK && ok1 && ok2
		stackPeak = max(stackPeak, stackInUse()) // a grown stack stays grown until a collection
		b.StartTimer()
	}
	b.ReportMetric(float64(stackPeak-min(stackPeak, stackBefore))/(1<<20), "stack-MiB")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/node")
	if cpuOK {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*n), "cpu-ns/node")
	}
}

// stackInUse is the memory the runtime holds for goroutine stacks.
func stackInUse() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.StackInuse
}
