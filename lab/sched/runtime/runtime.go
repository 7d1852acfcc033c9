// Package runtime is runtime.Gosched under the lab's scheduler: a thread
// that yields lets every other thread take a step before it runs again,
// so that a spin on a lock lets the holder finish. The lab's rewrite puts
// it in place of runtime in the packages it explores, which use runtime
// for Gosched and NumCPU alone.
package runtime

import (
	"runtime"

	"github.com/rcbook/rcbook/lab/sched"
)

func init() { sched.MarkInstrumented() }

// Gosched is runtime.Gosched.
func Gosched() {
	if !sched.Gosched() {
		runtime.Gosched()
	}
}

// NumCPU reports one processor. refcount asks it whether an acquirer
// should spin a few times before it queues; with one, it queues at once,
// and the explorer spends its preemptions on the queue, the hand-offs and
// the cancellations, where the lab's refcount mutants live. The spin
// itself takes the reference with the fast path's own compare-and-swap,
// which the uncontended scenarios explore; its retries are not explored.
func NumCPU() int { return 1 }
