// Package trace records who did what to each allocation, for debugging
// builds: compiled with -tags rctrace, every allocation of rc and arc keeps
// its last events (each count change, the value's drop, the free) with the
// line of the program that caused them; every handle remembers where it was
// dropped, moved or consumed (a refcount handle, where it was released);
// and the misuse errors and leak reports quote that history:
//
//	rc: Drop: handle already dropped
//		this handle was dropped by rc.(*Rc).Drop at /src/app/cache.go:41 (app.(*Cache).Evict)
//		the allocation was freed by rc.(*Rc).Drop at /src/app/cache.go:41 (app.(*Cache).Evict)
//		...
//
// Without the tag, Enabled is the constant false: every hook in the
// handle packages sits behind `if trace.Enabled`, which the compiler
// deletes; the headers' Log and arc's handles' Mark are empty structs, and
// rc's handles, which have no room for a field, keep the number of their
// record (Spend) in their generation once they are empty. A traced build costs a walk of the caller's stack per
// count change (about a microsecond): it is for finding a bug, not for
// shipping.
package trace

import (
	"fmt"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/rcbook/rcbook/invariants"
)

// Keep is how many recent events an allocation keeps: older ones are
// forgotten, except the first (where it was made) and the free.
const Keep = 16

// depth is how many callers an event records: enough to climb out of the
// library's own frames to the line that called it.
const depth = 24

// Event is one thing that happened to an allocation or a handle: the
// operation that did it, the counts and state it left, and the callers.
type Event struct {
	Strong, Weak int64            // the counts just after (raw weak: the implicit weak included)
	State        invariants.State // the header's state just after
	What         string           // for a handle: "dropped", "moved out" or "consumed"; "" for a count change
	pcs          [depth]uintptr
}

// Op names the library function the program called, e.g. "rc.(*Rc).Drop":
// the outermost rcbook frame under the program's own.
func (e *Event) Op() string {
	op, _ := e.split()
	return op
}

// Site is the program's line that caused the event, "file:line (function)".
func (e *Event) Site() string {
	_, site := e.split()
	return site
}

func (e *Event) split() (op, site string) {
	frames := runtime.CallersFrames(e.pcs[:])
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "" || strings.HasPrefix(f.Function, "runtime."):
			// the runtime's own frames (a panic unwinding through a deferred drop)
		case library(f.Function, f.File):
			op = shortFunc(f.Function)
		default:
			return op, fmt.Sprintf("%s:%d (%s)", f.File, f.Line, shortFunc(f.Function))
		}
		if !more {
			return op, "an unknown site"
		}
	}
}

// String is one line: the operation, the counts and state after it, and
// the site.
func (e *Event) String() string {
	op, site := e.split()
	return fmt.Sprintf("%-26s strong=%d weak=%d %-8s at %s", op, e.Strong, e.Weak, e.State, site)
}

// History is an allocation's record: where it was made, its last Keep
// events, and where it was freed. It never points back at the allocation,
// so that a leak report may hold it while the collector reclaims the
// allocation. It is safe for concurrent use (arc's count changes come from
// any goroutine).
type History struct {
	mu    sync.Mutex
	made  Event
	ring  [Keep]Event
	n     int    // events recorded in all; the last min(n, Keep) are in ring
	freed *Event // the event that freed the allocation, once it is freed
	begun bool   // made is set
}

// Last returns the kept events, oldest first.
func (h *History) Last() []Event {
	h.mu.Lock()
	defer h.mu.Unlock()
	k := min(h.n, Keep)
	out := make([]Event, 0, k)
	for i := h.n - k; i < h.n; i++ {
		out = append(out, h.ring[i%Keep])
	}
	return out
}

// Freed returns the event that freed the allocation, if it was freed.
func (h *History) Freed() (Event, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.freed == nil {
		return Event{}, false
	}
	return *h.freed, true
}

// String lists where the allocation was made, where it was freed if it
// was, and its last events, one per line, each indented by a tab.
func (h *History) String() string {
	var b strings.Builder
	h.mu.Lock()
	made, begun, n := h.made, h.begun, h.n
	h.mu.Unlock()
	if begun {
		fmt.Fprintf(&b, "\tthe allocation was made by %s at %s\n", made.Op(), made.Site())
	}
	if f, ok := h.Freed(); ok {
		fmt.Fprintf(&b, "\tthe allocation was freed by %s at %s\n", f.Op(), f.Site())
	}
	last := h.Last()
	fmt.Fprintf(&b, "\tits last %d of %d events, oldest first:\n", len(last), n)
	for i := range last {
		fmt.Fprintf(&b, "\t\t%s\n", last[i].String())
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// library reports whether a frame, of function fn in file, belongs to
// rcbook's handle packages, whose frames stand between an event and the
// program's line. The name is not always enough: when a handle method is
// inlined into the program, a function literal inside it (rc's Drop passes
// one to its fast path) is compiled as a function of the program's package,
// named after the program's function. Its file is still the library's.
func library(fn, file string) bool {
	for _, pkg := range []string{"/rc.", "/weak.", "/pool.", "/arc.", "/refcount.", "/rwlock.", "/rcmap.", "/internal/"} {
		if strings.Contains(fn, "rcbook/rcbook"+pkg) {
			return true
		}
	}
	rel, inModule := strings.CutPrefix(file, libraryRoot)
	if libraryRoot == "" || !inModule || strings.HasSuffix(rel, "_test.go") {
		return false
	}
	dir := path.Dir(rel) // the package's folder: not a test, not its testdata
	return slices.Contains([]string{"rc", "weak", "pool", "arc", "refcount", "rwlock", "rcmap"}, dir) ||
		strings.HasPrefix(dir, "internal/") && !strings.Contains(dir, "testdata")
}

// libraryRoot is the module's folder with a final slash, worked out from
// this file's own path (compiled with -trimpath it is the module path).
var libraryRoot = func() string {
	_, file, _, ok := runtime.Caller(0)
	root, found := strings.CutSuffix(file, "internal/trace/trace.go")
	if !ok || !found {
		return ""
	}
	return root
}()

// shortFunc drops the module path and type parameters from a function
// name: "github.com/rcbook/rcbook/rc.(*Rc[...]).Drop" is "rc.(*Rc).Drop".
func shortFunc(fn string) string {
	if i := strings.LastIndex(fn, "/"); i >= 0 {
		fn = fn[i+1:]
	}
	return strings.ReplaceAll(fn, "[...]", "")
}

// Empty is the error of op on a handle that is empty because of why, with
// the trail of record rec: where the handle was emptied (Spend), and its
// allocation's history. Without -tags rctrace the Trace is empty.
func Empty(op invariants.Op, why invariants.Spent, rec uint32) *invariants.Error {
	return &invariants.Error{Op: op, Empty: true, Spent: why, Trace: Trail(rec)}
}

// Annotate adds the history in l to err and returns err: for a refused
// operation on a handle that still points at its allocation (a stale
// copy, a use after free).
func Annotate(err *invariants.Error, l *Log) *invariants.Error {
	err.Trace = l.String()
	return err
}
