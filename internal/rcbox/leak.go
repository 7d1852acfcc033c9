package rcbox

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Leak detection. Rust cannot tell you that an Rc cycle leaked; Go's
// collector can. While tracking is on (checked builds only), every new
// header gets a runtime.AddCleanup that fires if the header becomes
// unreachable before it was freed: a handle was lost without Drop, or a
// cycle of strong handles was dropped by the program and reclaimed by the
// collector. Freeing a header stops its cleanup, so a report is always a
// leak. The cleanup's argument is the allocation site, never the header:
// anything reachable from it would keep the header alive forever.
//
// Tracking costs about 300 ns and two allocations per New (measured with
// go test -bench), so it is off until a test asks for it (rctest.VerifyNoLeaks).

var (
	tracking atomic.Int32 // > 0 while someone wants leaks tracked
	leakMu   sync.Mutex
	leaks    []string // one line per leaked allocation, in the order reported
)

// TrackLeaks turns tracking on (on = true) or gives back one earlier
// request (on = false). Requests nest: tracking is on while any is held.
func TrackLeaks(on bool) {
	if on {
		tracking.Add(1)
	} else {
		tracking.Add(-1)
	}
}

// site is where an allocation was made: the program counters of the first
// few callers of New.
type site [8]uintptr

// trackLeak arms leak detection for b if tracking is on. It is small
// enough to be inlined, so that New pays a load, not a call, while tracking
// is off.
func (b *Box[T]) trackLeak() {
	if tracking.Load() > 0 {
		b.armLeak()
	}
}

// armLeak records where b was allocated and arms its cleanup.
func (b *Box[T]) armLeak() {
	var pcs site
	runtime.Callers(4, pcs[:]) // skip Callers, armLeak, trackLeak and the constructor
	arm(&b.leak, b, pcs)
}

// LeakCount returns how many leaks have been reported so far; pass it to
// CollectLeaks to see only the newer ones.
func LeakCount() int {
	leakMu.Lock()
	defer leakMu.Unlock()
	return len(leaks)
}

// CollectLeaks runs the garbage collector until every cleanup it queued
// has run, then returns the leaks reported after the first `since`.
func CollectLeaks(since int) []string {
	for range 2 {
		done := make(chan struct{})
		sentinel := new([64]byte) // not tiny: tiny objects share blocks and die late
		runtime.AddCleanup(sentinel, func(c chan struct{}) { close(c) }, done)
		sentinel = nil
		runtime.GC()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
		}
	}
	leakMu.Lock()
	defer leakMu.Unlock()
	if since > len(leaks) {
		return nil
	}
	return append([]string(nil), leaks[since:]...)
}

// reportLeak runs on the runtime's cleanup goroutine.
func reportLeak(pcs site) {
	leakMu.Lock()
	defer leakMu.Unlock()
	leaks = append(leaks, "allocation made at "+describeSite(pcs)+
		" was never freed: a handle was lost without Drop, or a cycle of strong handles was dropped")
}

// describeSite names the first caller outside rcbook's own handle packages.
func describeSite(pcs site) string {
	frames := runtime.CallersFrames(pcs[:])
	for {
		f, more := frames.Next()
		if f.Function != "" && !internalFrame(f.Function) {
			return fmt.Sprintf("%s:%d (%s)", f.File, f.Line, shortFunc(f.Function))
		}
		if !more {
			return "an unknown site"
		}
	}
}

func internalFrame(fn string) bool {
	for _, pkg := range []string{"/rc.", "/weak.", "/pool.", "/internal/rcbox.", "/properties.", "/invariants/model."} {
		if strings.Contains(fn, "rcbook/rcbook"+pkg) {
			return true
		}
	}
	return false
}

func shortFunc(fn string) string {
	if i := strings.LastIndex(fn, "/"); i >= 0 {
		return fn[i+1:]
	}
	return fn
}
