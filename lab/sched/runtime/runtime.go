// Package runtime is runtime.Gosched under the lab's scheduler: a thread
// that yields lets every other thread take a step before it runs again,
// so that a spin on a lock lets the holder finish. The lab's rewrite puts
// it in place of runtime in the packages it explores, which use runtime
// for Gosched alone.
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
