// Package leak finds allocations that were lost without being freed: a
// handle that went out of scope without Drop, or a cycle of strong handles
// the program let go of. Rust cannot tell you that an Rc cycle leaked
// without extra tools; Go's collector can.
//
// While tracking is on (checked builds only), every new allocation is
// registered with the site that made it and the scope it was made in, and
// holds a weak pointer (package weak of the standard library) to itself.
// Freeing the allocation removes the registration. A handle that is not an
// allocation of its own (a refcount.Ref lives in a variable, often on the
// stack) carries a Token instead: a small heap object that stands for it,
// watched the same way and burnt when the handle is released.
// A Kind names what was tracked in the reports: an rc allocation, an arc
// allocation, a refcount reference. When a scope ends, the
// collector runs once: a registered allocation whose weak pointer is now
// nil became unreachable without being freed, and that is a leak, found
// the moment the scope ends and reported to that scope alone. One that is
// still reachable (kept in a global, say) is not reported.
//
// A scope belongs to a goroutine, usually a test's (rctest.VerifyNoLeaks
// begins one). An allocation belongs to the innermost scope of the
// goroutine that makes it, or, failing that, of the goroutine that started
// that goroutine; otherwise to the package scope, which
// rctest.VerifyTestMain checks when every test has run. Parallel tests run
// on goroutines of their own, so each has its own scope.
//
// A handle package plugs in with one Kind and two calls, both cheap while
// tracking is off and empty with -tags rcrelease:
//
//   - an allocation the handles point to (rc's and arc's box) gets a
//     Handle field; where it is made, `if invariants.Enabled && leak.On()
//     { leak.Arm(&b.leak, b, &kind) }`; where it is freed, leak.Stop;
//   - a handle that is a value of its own (refcount.Ref, ExclusiveRef)
//     gets a Token field; where it is handed out, `h.leak =
//     leak.Mint(&kind)`; where it is released, leak.Burn(&h.leak).
//
// Either way the reports name the first caller outside rcbook's handle
// packages (internalFrame), so the site is the user's line, not the
// library's.
//
// Tracking an allocation costs about a microsecond (it walks the calling
// goroutine's stack to find the test it runs in), so it is off until
// someone asks for it.
package leak

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

var (
	// tracking is > 0 while someone wants leaks tracked. It is a plain
	// int32 read and written with sync/atomic's functions, not an
	// atomic.Int32: its load is then one intrinsic, which Go's inliner
	// charges less than a method that wraps one, and On sits inside the
	// handles' inlined fast paths (refcount's Acquire).
	tracking int32

	mu      sync.Mutex
	scopes  = map[uint64][]*Scope{}  // the scopes begun on each goroutine, innermost last
	byTest  = map[uintptr][]*Scope{} // the open scopes of each test function, by its entry PC
	pkg     = newScope("package")    // allocations made outside any scope
	stackMu sync.Mutex
	stack   = make([]byte, 64<<10) // runtime.Stack's buffer, under stackMu
)

// Track turns tracking on (on = true) or gives back one earlier request
// (on = false). Requests nest: tracking is on while any is held.
func Track(on bool) {
	if on {
		atomic.AddInt32(&tracking, 1)
	} else {
		atomic.AddInt32(&tracking, -1)
	}
}

// On reports whether tracking is on. It is small enough to be inlined, so
// that an allocation pays a load, not a call, while tracking is off.
func On() bool { return atomic.LoadInt32(&tracking) > 0 }

// site is where an allocation was made: the program counters of the first
// callers of Arm, enough to get past rcbook's own frames.
type site [16]uintptr

// frames is a whole goroutine's stack, deep enough for a test run by
// rapid or the model harness.
type frames [96]uintptr

// Kind says what a tracked object stands for, for the reports, which read
// "<What> <Made> at <site> <Lost>":
//
//	arc allocation made at f_test.go:12 (pkg.TestF) was never freed: an Arc or Weak was lost without Drop, ...
//
// Each handle package declares its Kinds once, as package variables.
type Kind struct {
	What string // what was tracked, e.g. "arc allocation"
	Made string // the verb of its making, e.g. "made" or "acquired"
	Lost string // what went wrong and how, e.g. "was never freed: ..."
}

// entry is one tracked object.
type entry struct {
	alive  func() bool // false once the collector has reclaimed the object
	site   site
	kind   *Kind
	scope  *Scope
	events fmt.Stringer // the object's recent history (-tags rctrace), or nil
}

// Arm registers obj, which is being allocated, in the scope of the calling
// goroutine, and records where it is made and what it is. Call it only
// when On; call Stop when obj is freed. obj must be what the handles point
// to, and h a field of it: the registration watches obj through a weak
// pointer, so that it does not keep obj alive.
func Arm[T any](h *Handle, obj *T, k *Kind) {
	var pcs frames
	n := runtime.Callers(2, pcs[:]) // skip Callers and Arm
	e := &entry{kind: k, scope: current(pcs[:n])}
	copy(e.site[:], pcs[:n])
	arm(h, e, obj)
}

// Scope collects the leaks of the allocations made while it is open.
type Scope struct {
	name string
	test uintptr // the entry PC of the test function it was begun in, or 0
	mu   sync.Mutex
	live map[*entry]struct{} // tracked and not yet freed
}

func newScope(name string) *Scope { return &Scope{name: name, live: map[*entry]struct{}{}} }

// Begin opens a scope on the calling goroutine: allocations it makes, and
// those of the goroutines it starts, belong to the scope until End. Scopes
// on one goroutine nest; the innermost gets the allocations. name is for
// messages.
func Begin(name string) *Scope {
	s := newScope(name)
	var pcs frames
	s.test = testFunc(pcs[:runtime.Callers(1, pcs[:])])
	id, _ := goroutine()
	mu.Lock()
	scopes[id] = append(scopes[id], s)
	if s.test != 0 {
		byTest[s.test] = append(byTest[s.test], s)
	}
	mu.Unlock()
	return s
}

// End closes s, runs the collector, and returns one line for each
// allocation made in s that became unreachable without being freed.
// Allocations of s still reachable stay registered, unreported.
func (s *Scope) End() []string {
	mu.Lock()
	for id, list := range scopes {
		if list = slices.DeleteFunc(list, func(t *Scope) bool { return t == s }); len(list) == 0 {
			delete(scopes, id)
		} else {
			scopes[id] = list
		}
	}
	if list := slices.DeleteFunc(byTest[s.test], func(t *Scope) bool { return t == s }); len(list) == 0 {
		delete(byTest, s.test)
	} else {
		byTest[s.test] = list
	}
	mu.Unlock()
	return s.collect()
}

// Package returns the scope of allocations made outside every other scope.
func Package() *Scope { return pkg }

// Collect runs the collector and returns one line for each allocation of s
// that became unreachable without being freed, and forgets them.
func (s *Scope) collect() []string {
	runtime.GC() // a full collection: afterwards the weak pointer of every unreachable allocation is nil
	s.mu.Lock()
	defer s.mu.Unlock()
	var lost []*entry
	for e := range s.live {
		if !e.alive() {
			lost = append(lost, e)
			delete(s.live, e)
		}
	}
	lines := make([]string, len(lost))
	for i, e := range lost {
		lines[i] = e.kind.What + " " + e.kind.Made + " at " + describe(e.site) + " " + e.kind.Lost
		if e.events != nil {
			lines[i] += "\n" + e.events.String()
		}
	}
	slices.Sort(lines) // the map's order is random; the report's is not
	return lines
}

// Collect is collect for a scope that stays open, such as the package's.
func (s *Scope) Collect() []string { return s.collect() }

func (s *Scope) add(e *entry) {
	s.mu.Lock()
	s.live[e] = struct{}{}
	s.mu.Unlock()
}

func (s *Scope) remove(e *entry) {
	s.mu.Lock()
	delete(s.live, e)
	s.mu.Unlock()
}

// current returns the scope of an allocation made on the calling
// goroutine, whose stack is pcs: the innermost scope of this goroutine,
// else of the goroutine that started it, else the package's.
//
// The cheap answer comes first: on a test's own goroutine the bottom of the
// stack is testing.tRunner calling the test function, and if exactly one
// open scope was begun in that function, it is the one. Otherwise (two
// parallel runs of one function, nested scopes, a goroutine the test
// started) the goroutine's identity decides, read from runtime.Stack,
// which costs several times more.
func current(pcs []uintptr) *Scope {
	mu.Lock()
	empty := len(scopes) == 0
	mu.Unlock()
	if empty {
		return pkg
	}
	if test := testFunc(pcs); test != 0 {
		mu.Lock()
		list := byTest[test]
		mu.Unlock()
		if len(list) == 1 {
			return list[0]
		}
	}
	id, parent := goroutine()
	mu.Lock()
	defer mu.Unlock()
	for _, g := range [2]uint64{id, parent} {
		if list := scopes[g]; len(list) > 0 {
			return list[len(list)-1]
		}
	}
	return pkg
}

// testFunc returns the entry PC of the test function at the bottom of the
// stack pcs (runtime.goexit, then testing.tRunner, then the test), or 0 if
// the stack is not a test's or did not fit in pcs.
func testFunc(pcs []uintptr) uintptr {
	n := len(pcs)
	if n < 3 || n == len(frames{}) {
		return 0
	}
	if f := runtime.FuncForPC(pcs[n-2]); f == nil || f.Name() != "testing.tRunner" {
		return 0
	}
	if f := runtime.FuncForPC(pcs[n-3]); f != nil {
		return f.Entry()
	}
	return 0
}

// goroutine returns the calling goroutine's id and the id of the goroutine
// that started it (0 if unknown). Go gives goroutines no identity to
// programs, but the runtime's own trace of the current goroutine starts
// with "goroutine N [running]:" and ends with "created by F in goroutine
// M"; ids are never reused.
func goroutine() (id, parent uint64) {
	stackMu.Lock()
	defer stackMu.Unlock()
	buf := stack[:runtime.Stack(stack, false)]
	if rest, ok := bytes.CutPrefix(buf, []byte("goroutine ")); ok {
		if i := bytes.IndexByte(rest, ' '); i > 0 {
			id, _ = strconv.ParseUint(string(rest[:i]), 10, 64)
		}
	}
	if i := bytes.LastIndex(buf, []byte(" in goroutine ")); i >= 0 {
		rest := buf[i+len(" in goroutine "):]
		if j := bytes.IndexByte(rest, '\n'); j >= 0 {
			rest = rest[:j]
		}
		parent, _ = strconv.ParseUint(string(rest), 10, 64)
	}
	return id, parent
}

// describe names the first caller outside rcbook's own handle packages.
func describe(pcs site) string {
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

// internalFrame reports whether fn belongs to rcbook's handles or its
// model harness, which allocate on someone else's behalf.
func internalFrame(fn string) bool {
	for _, pkg := range []string{"/rc.", "/weak.", "/pool.", "/arc.", "/refcount.", "/rwlock.", "/rcmap.", "/internal/", "/lab.", "/invariants/model."} {
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
