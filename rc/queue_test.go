package rc_test

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

// link is a list or tree node whose destructor records its name and hands
// its children to the drop in progress, as a QueueDropper does.
type link struct {
	name     string
	children []rc.Rc[link]
	log      *rctest.Journal
	visit    func(name string) // called by the destructor, if set
}

func (n *link) DropInto(q *rc.DropQueue) {
	if n.log != nil {
		n.log.Record("drop " + n.name)
	}
	if n.visit != nil {
		n.visit(n.name)
	}
	for i := range n.children {
		n.children[i].DropInto(q)
	}
}

// nested is the same node with a destructor that drops its children
// itself, the recursive way: the order DropInto must reproduce.
type nested struct {
	name     string
	children []rc.Rc[nested]
	log      *rctest.Journal
}

func (n *nested) Drop() {
	n.log.Record("drop " + n.name)
	for i := range n.children {
		n.children[i].Drop()
	}
}

// chainLen is the list the issue asks for: a million nodes.
const chainLen = 1_000_000

// chainStackLimit is the stack bound for dropping chainLen nodes: the
// whole process runs under it while the chain drops, so a drop that
// recursed once per node (some 400 bytes a level) would crash the test binary
// after a few thousand nodes. The depth actually reached is far smaller and is
// checked below, in frames.
const chainStackLimit = 1 << 20

// maxDropFrames bounds how deep the goroutine's stack is while any node's
// destructor runs: one outermost Drop, the queue's loop and one
// destructor, whatever the length of the list.
const maxDropFrames = 40

func TestAMillionNodeListDropsInALoopOnABoundedStack(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a million nodes")
	}
	before := rc.LiveAllocations()
	deepest := 0
	dropped := 0
	visit := func(string) {
		if dropped++; dropped%10_000 == 0 { // sampling keeps the test fast
			var pcs [1024]uintptr
			deepest = max(deepest, runtime.Callers(0, pcs[:]))
		}
	}
	head := rc.New(link{name: "0", visit: visit})
	for i := 1; i < chainLen; i++ {
		head = rc.New(link{children: []rc.Rc[link]{head.Move()}, visit: visit})
	}
	rctest.RequireLive(t, before, chainLen, "every node is allocated")

	done := make(chan struct{})
	old := debug.SetMaxStack(chainStackLimit)
	defer debug.SetMaxStack(old)
	go func() { // a fresh goroutine starts with a small stack: any growth would have to happen here
		defer close(done)
		head.Drop()
	}()
	<-done

	assert.Equal(t, chainLen, dropped, "every node's destructor ran once")
	assert.Positive(t, deepest, "the depth was sampled")
	assert.LessOrEqual(t, deepest, maxDropFrames,
		"the goroutine's stack stays as deep as one destructor: the queue takes the nodes in a loop")
	t.Logf("deepest stack while dropping %d nodes: %d frames", chainLen, deepest)
	rctest.RequireLive(t, before, 0, "all the nodes are freed by the one Drop")
}

func TestDropIntoDropsInTheOrderNestedDropsWould(t *testing.T) {
	// Each node is built bottom-up and takes clones of up to three earlier
	// nodes as children, so nodes are shared by several parents; then every
	// top-level handle is dropped, in order. A queued drop must log the same
	// sequence as the recursive one, and free everything.
	rapid.Check(t, func(t *rapid.T) {
		before := rc.LiveAllocations()
		n := rapid.IntRange(1, 30).Draw(t, "nodes")
		picks := make([][]int, n)
		for i := range picks {
			if i > 0 {
				picks[i] = rapid.SliceOfN(rapid.IntRange(0, i-1), 0, 3).Draw(t, fmt.Sprintf("children of %d", i))
			}
		}
		var queued, recursive rctest.Journal
		qs := make([]rc.Rc[link], n)
		ns := make([]rc.Rc[nested], n)
		for i, kids := range picks {
			q := link{name: fmt.Sprint(i), log: &queued}
			r := nested{name: fmt.Sprint(i), log: &recursive}
			for _, k := range kids {
				q.children = append(q.children, qs[k].Clone())
				r.children = append(r.children, ns[k].Clone())
			}
			qs[i], ns[i] = rc.New(q), rc.New(r)
		}
		order := rapid.Permutation(func() []int {
			o := make([]int, n)
			for i := range o {
				o[i] = i
			}
			return o
		}()).Draw(t, "drop order")
		for _, i := range order {
			qs[i].Drop()
			ns[i].Drop()
			require.Equal(t, recursive, queued, "after dropping handle %d, the queued drops match the nested ones", i)
		}
		require.Len(t, queued, n, "every node dropped once")
		if rc.LiveAllocations() != before {
			t.Fatalf("%d allocations left, want none", rc.LiveAllocations()-before)
		}
	})
}

func TestAQueuedChildKeepsItsShareUntilTheQueueReachesIt(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log rctest.Journal
	child := rc.New(link{name: "child", log: &log})
	w := rc.Downgrade(&child)
	defer w.Drop()
	var seen string
	parent := rc.New(after{inner: child.Move(), look: func(inner *rc.Rc[link]) {
		strong := w.StrongCount()
		u, ok := w.Upgrade()
		seen = fmt.Sprintf("handle empty %v, strong %d, upgrade %v, log %v", inner.IsEmpty(), strong, ok, log)
		if ok {
			u.Drop() // strong back to 1: the queued share
		}
	}})
	parent.Drop()
	assert.Equal(t, "handle empty true, strong 1, upgrade true, log []", seen,
		"inside the destructor, a handle given to DropInto is empty, but its allocation keeps its count and its value until the queue reaches it")
	assert.Equal(t, rctest.Journal{"drop child"}, log, "once the destructor has returned, the queue drops the child")
	assert.Zero(t, w.StrongCount(), "and Drop returns only when the queue is empty")
}

// after queues its inner handle, then calls look: code a destructor runs
// after DropInto.
type after struct {
	inner rc.Rc[link]
	look  func(inner *rc.Rc[link])
}

func (a *after) DropInto(q *rc.DropQueue) {
	a.inner.DropInto(q)
	a.look(&a.inner)
}

func TestDropIntoWithoutAQueueIsDrop(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var log rctest.Journal
	r := rc.New(link{name: "a", log: &log})
	c := r.Clone()
	c.DropInto(nil)
	assert.True(t, c.IsEmpty(), "the handle is given up")
	assert.Equal(t, 1, r.StrongCount(), "at once: there is no drop in progress to wait for")
	r.DropInto(nil)
	assert.Equal(t, rctest.Journal{"drop a"}, log, "the last one drops the value, as Drop does")
}

func TestDropIntoRefusesAnEmptyHandleAtTheCallAndStillDropsWhatWasQueued(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	var log rctest.Journal
	parent := rc.New(twice{inner: rc.New(link{name: "child", log: &log})})
	require.PanicsWithError(t, "rc: Drop: handle already dropped", parent.Drop,
		"a destructor that queues the same handle twice is refused at the second DropInto")
	assert.Equal(t, rctest.Journal{"drop child"}, log, "the share queued first is still dropped, once")
	rctest.RequireLive(t, before, 0, "nothing leaks, nothing is freed twice")
}

// twice is a destructor with a bug: it gives up its handle twice.
type twice struct{ inner rc.Rc[link] }

func (d *twice) DropInto(q *rc.DropQueue) {
	d.inner.DropInto(q)
	d.inner.DropInto(q)
}

// boom's destructor panics after queueing its children.
type boom struct{ children []rc.Rc[link] }

func (b *boom) DropInto(q *rc.DropQueue) {
	for i := range b.children {
		b.children[i].DropInto(q)
	}
	panic("boom")
}

func TestAPanickingDestructorStillLetsTheQueueDropEverything(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	var log rctest.Journal
	leaf := func(name string) rc.Rc[link] { return rc.New(link{name: name, log: &log}) }
	inner := rc.New(boom{children: []rc.Rc[link]{leaf("b1"), leaf("b2")}})
	root := rc.New(nodeOf(&log, "root", leaf("a")))
	root.Get().children = append(root.Get().children, rc.New(link{name: "holder", log: &log}))
	w := rc.Downgrade(&inner)
	defer w.Drop()
	top := rc.New(pair{first: root.Move(), second: inner.Move()})
	require.PanicsWithValue(t, "boom", top.Drop, "the destructor's panic reaches the caller of the outermost Drop")
	assert.Equal(t, rctest.Journal{"drop root", "drop a", "drop holder", "drop b1", "drop b2"}, log,
		"everything queued before and by the panicking destructor is dropped, in order")
	assert.Zero(t, w.StrongCount(), "the panicking value's own drop completed")
	rctest.RequireLive(t, before, 1, "only the allocation the test's Weak keeps remains")
}

func nodeOf(log *rctest.Journal, name string, children ...rc.Rc[link]) link {
	return link{name: name, log: log, children: children}
}

// pair queues two handles of different types.
type pair struct {
	first  rc.Rc[link]
	second rc.Rc[boom]
}

func (p *pair) DropInto(q *rc.DropQueue) {
	p.first.DropInto(q)
	p.second.DropInto(q)
}

func TestTwoGoroutinesDropTheirOwnChainsWithTheirOwnQueues(t *testing.T) {
	// Run with -race: the queues are per drop, so the two loops share nothing.
	const n = 100_000
	var wg sync.WaitGroup
	logs := make([]int, 2)
	for g := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			count := func(string) { logs[g]++ }
			head := rc.New(link{visit: count})
			for range n - 1 {
				head = rc.New(link{children: []rc.Rc[link]{head.Move()}, visit: count})
			}
			head.Drop()
		}()
	}
	wg.Wait()
	assert.Equal(t, []int{n, n}, logs, "each goroutine's drop ran exactly its own chain's destructors")
}

func TestAPooledChainDropsThroughTheQueueToo(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	p := rc.NewPool[link](3, nil)
	var log rctest.Journal
	head := p.New(link{name: "0", log: &log})
	for i := 1; i < 3; i++ {
		head = p.New(nodeOf(&log, fmt.Sprint(i), head.Move()))
	}
	head.Drop()
	assert.Equal(t, rctest.Journal{"drop 2", "drop 1", "drop 0"}, log, "a pool works out the DropInto plan once and uses it")
	assert.Equal(t, 3, p.Size(), "every header went back to the pool")
}

// keeper is a destructor with a bug: it keeps the drop queue for later.
type keeper struct{ kept **rc.DropQueue }

func (k *keeper) DropInto(q *rc.DropQueue) { *k.kept = q }

func TestDropIntoRefusesAQueueWhoseDropHasEnded(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var kept *rc.DropQueue
	k := rc.New(keeper{kept: &kept})
	k.Drop()
	require.NotNil(t, kept, "the destructor saw the queue")
	r := rc.New(1)
	require.PanicsWithError(t, "rc: Drop: DropInto with a DropQueue whose drop has ended", func() { r.DropInto(kept) },
		"a queue outliving its drop would never be drained: refuse it")
	assert.Equal(t, 1, r.StrongCount(), "the refused handle keeps its share")
	r.Drop()
}
