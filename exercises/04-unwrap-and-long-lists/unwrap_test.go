package unwrap

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

func TestTakeBackReturnsTheValueFromTheLastOwner(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	cleanups := 0
	r := rc.NewWithCleanup([]byte("pooled buffer"), func([]byte) { cleanups++ })
	buf, ok := TakeBack(&r)
	require.True(t, ok, "r was the only strong handle (strong == 1): TakeBack must hand the value back")
	assert.Equal(t, "pooled buffer", string(buf), "TakeBack must return the value itself")
	assert.True(t, r.IsEmpty(), "the value left the allocation, so the handle is consumed: r must be empty")
	assert.Zero(t, cleanups, "the caller owns the value now: taking it back is not dropping it, so the cleanup must not run")
	rctest.RequireLive(t, before, 0, "no Weak kept the allocation, so taking the value out frees it (I5)")
}

func TestTakeBackFailsWhileSharedAndLeavesTheHandleAlone(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	r := rc.New("shared")
	other := r.Clone()
	v, ok := TakeBack(&r)
	require.False(t, ok, "strong == 2: the value still belongs to the other handle too, TakeBack must refuse")
	assert.Empty(t, v, "a refused TakeBack returns the zero value")
	require.False(t, r.IsEmpty(), "a refused TakeBack must leave r as it was, still an owner (use TryUnwrap, not IntoInner)")
	assert.True(t, rc.PtrEq(&r, &other), "r must still point at the shared allocation")
	assert.Equal(t, 2, r.StrongCount(), "a refused TakeBack changes no count")
	assert.Equal(t, "shared", *r.Get(), "a refused TakeBack leaves the value in place")

	other.Drop()
	v, ok = TakeBack(&r)
	require.True(t, ok, "the other owner let go: r is the last strong handle now, so TakeBack must succeed")
	assert.Equal(t, "shared", v, "the value comes back unchanged")
}

func TestTakeBackSucceedsWhileOnlyWeaksRemain(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	r := rc.New(7)
	w := weak.Downgrade(&r)
	v, ok := TakeBack(&r)
	require.True(t, ok, "strong == 1: a Weak does not own the value, so it cannot stop TakeBack")
	assert.Equal(t, 7, v, "TakeBack returns the value")
	_, upgraded := w.Upgrade()
	assert.False(t, upgraded, "the value left the allocation: the Weak must find it gone (I7)")
	rctest.RequireLive(t, before, 1, "the Weak still keeps the (now empty) allocation (I3)")
	w.Drop()
	rctest.RequireLive(t, before, 0, "the last Weak frees the allocation (I5)")
}

// buildList pushes n, n-1, ..., 1, so that the list reads 1, 2, ..., n from
// the head.
func buildList(t *testing.T, n int) rc.Rc[Node] {
	t.Helper()
	var list rc.Rc[Node]
	for v := n; v >= 1; v-- {
		Push(&list, v)
	}
	require.False(t, list.IsEmpty(), "after Push the list handle must point at the new head")
	return list.Move() // Move, not `return list`: a returned handle must not be a copy
}

// handleTo returns the strong handle that owns node i (0 is the head): the
// list itself, or the Next of node i-1.
func handleTo(list *rc.Rc[Node], i int) *rc.Rc[Node] {
	h := list
	for range i {
		h = &h.Get().Next
	}
	return h
}

// values walks the list from h and returns every value in order.
func values(h *rc.Rc[Node]) []int {
	var vs []int
	for !h.IsEmpty() {
		vs = append(vs, h.Get().Value)
		h = &h.Get().Next
	}
	return vs
}

func TestPushPutsTheNewNodeAtTheHead(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	var list rc.Rc[Node]
	Push(&list, 3)
	require.False(t, list.IsEmpty(), "pushing onto the empty list (the zero Rc) must make a one-node list")
	assert.True(t, list.Get().Next.IsEmpty(), "the only node is the tail: its Next must be the empty Rc")
	Push(&list, 2)
	Push(&list, 1)
	assert.Equal(t, []int{1, 2, 3}, values(&list), "each Push puts its value in front of the old head")
	rctest.RequireLive(t, before, 3, "three Pushes make three nodes")
	for i := range 3 {
		assert.Equal(t, 1, handleTo(&list, i).StrongCount(),
			"node %d must have exactly one owner: Push moves the old head into Next, it does not Clone it", i)
	}
	list.Drop() // a short list: the naive, recursive drop is fine here
	rctest.RequireLive(t, before, 0, "dropping the head drops the whole list, one destructor inside another")
}

func TestTheNaiveDropRecursesOnceForEveryNode(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	const n = 10_000
	list := buildList(t, n)
	destructors = nesting{}
	list.Drop()
	assert.Equal(t, n, destructors.deepest,
		"Drop on the head runs the head's destructor, which drops Next, whose destructor drops its Next...: "+
			"the destructors nest once per node, and the stack grows with the list")
}

// The long-list tests drop 1 000 000 nodes under stackLimit (8 MiB), each
// in a process of its own (underStackLimit, in stack_test.go). They count
// live allocations instead of calling rctest.VerifyNoLeaks: a DropList
// that loses the rest of the list would otherwise print one leak report
// per node, a million of them, and bury the message that says what went
// wrong. The count proves the same thing.

const longList = 1_000_000

func TestTheNaiveDropOfAMillionNodesRunsOutOfStack(t *testing.T) {
	overflowed := underStackLimit(t, func(t *testing.T) {
		list := buildList(t, longList)
		require.Len(t, values(&list), longList, "Push must make one node per value")
		list.Drop() // the naive drop: a million destructors, one inside another
		t.Fatal("the naive drop of a million nodes came back: it must have run out of stack")
	})
	require.True(t, overflowed,
		"the naive drop nests a destructor per node, some hundreds of bytes of stack each: "+
			"a million of them need far more than %d MiB. This is what DropList must avoid", stackLimit>>20)
}

func TestDropListFreesAMillionNodesInBoundedStack(t *testing.T) {
	overflowed := underStackLimit(t, func(t *testing.T) {
		before := rc.LiveAllocations()
		list := buildList(t, longList)
		rctest.RequireLive(t, before, longList, "the list is built")
		destructors = nesting{}
		DropList(&list)
		assert.True(t, list.IsEmpty(), "DropList consumes the list handle")
		rctest.RequireLive(t, before, 0,
			"every node was owned by the list alone, so DropList must free all of them "+
				"(a node taken out with TryUnwrap or IntoInner still owns its Next: move it out, don't lose it)")
		assert.LessOrEqual(t, destructors.deepest, 1,
			"Node destructors nested %d deep, so DropList recursed. No Node destructor may run inside another: "+
				"take each node out of the list (TryUnwrap or IntoInner) and move its Next out before you let go of it, "+
				"so no destructor has the rest of the list to drop", destructors.deepest)
	})
	require.False(t, overflowed,
		"DropList ran out of stack on a list of %d nodes with %d MiB of it: it recursed, once per node, "+
			"through Node destructors or through calls of its own (see the innermost calls above). "+
			"Write it as a loop: take the head node out (TryUnwrap or IntoInner), move its Next into list, repeat",
		longList, stackLimit>>20)
}

func TestDropListStopsWhereAnotherOwnerSharesTheList(t *testing.T) {
	const shared = longList / 2
	overflowed := underStackLimit(t, func(t *testing.T) {
		before := rc.LiveAllocations()
		list := buildList(t, longList)
		suffix := handleTo(&list, shared).Clone() // a second owner of node 500 001 and everything after it
		destructors = nesting{}
		DropList(&list)
		assert.True(t, list.IsEmpty(), "DropList consumes the list handle")
		rctest.RequireLive(t, before, longList-shared,
			"the first 500 000 nodes were the list's alone and must be freed; "+
				"from node 500 001 on the list is shared, and those nodes must stay alive for their other owner")
		assert.LessOrEqual(t, destructors.deepest, 1,
			"no Node destructor may run inside another, also when the list is shared")
		require.Equal(t, 1, suffix.StrongCount(),
			"the list's share of node 500 001 must be given up: only the suffix handle owns it now")
		vs := values(&suffix)
		require.Len(t, vs, longList-shared, "the shared suffix must survive whole")
		assert.Equal(t, shared+1, vs[0], "the suffix still starts at node 500 001")
		assert.Equal(t, longList, vs[len(vs)-1], "the suffix still ends at the tail")

		DropList(&suffix)
		rctest.RequireLive(t, before, 0, "the suffix's owner drops it too: now every node is freed")
		assert.LessOrEqual(t, destructors.deepest, 1, "still no recursion")
	})
	require.False(t, overflowed,
		"DropList ran out of stack on a shared list of %d nodes with %d MiB of it: it recursed (see the innermost calls above)",
		longList, stackLimit>>20)
}

func TestDropListAcceptsTheEmptyList(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	var empty rc.Rc[Node]
	require.NotPanics(t, func() { DropList(&empty) },
		"the zero Rc is the empty list: DropList has nothing to do and must not use the handle")
	one := buildList(t, 1)
	DropList(&one)
	assert.True(t, one.IsEmpty(), "a one-node list: the head is also the tail, whose Next is empty")
}
