package stack

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

// tail borrows the tail of a non-empty stack, to look at how versions share
// nodes. It changes no count.
func tail(s *Stack) *Stack { return &s.top.Get().tail }

// versions builds four versions of a stack in one slice, so that each can be
// used through &v[i] and dropped on its own:
//
//	v[0] = a
//	v[1] = b a    (pushed onto v[0])
//	v[2] = c a    (pushed onto v[0])
//	v[3] = d b a  (pushed onto v[1])
func versions() []Stack {
	v := make([]Stack, 4)
	var empty Stack
	v[0] = empty.Push("a")
	v[1] = v[0].Push("b")
	v[2] = v[0].Push("c")
	v[3] = v[1].Push("d")
	return v
}

// wantValues are the values of each version of versions(), top first.
var wantValues = [][]string{{"a"}, {"b", "a"}, {"c", "a"}, {"d", "b", "a"}}

// nodesOf names the nodes each version of versions() reaches.
var nodesOf = [][]string{{"a"}, {"a", "b"}, {"a", "c"}, {"a", "b", "d"}}

func TestPushMakesOneAllocationAndLeavesTheOldVersionAlone(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	var empty Stack
	one := empty.Push("a")
	rctest.RequireLive(t, before, 1, "Push must allocate exactly one node")
	two := one.Push("b")
	rctest.RequireLive(t, before, 2, "Push must allocate one node and share the rest, not copy it")

	assert.Equal(t, []string{"b", "a"}, two.Values(), "Values lists the stack from the top down")
	assert.Equal(t, 2, two.Len(), "two pushes, two values")
	assert.Equal(t, []string{"a"}, one.Values(), "pushing onto a version must leave that version unchanged")
	assert.Equal(t, 1, one.Len(), "the old version still has one value")
	assert.True(t, empty.IsEmpty(), "pushing onto the empty stack leaves it empty")
	assert.Zero(t, empty.Len(), "the empty stack has no values")
	assert.Empty(t, empty.Values(), "the empty stack has no values")

	two.Drop()
	one.Drop()
	rctest.RequireLive(t, before, 0, "dropping every version must free every node")
}

func TestVersionsPushedOntoTheSameStackShareIt(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	v := versions()
	assert.True(t, rc.PtrEq(&tail(&v[1]).top, &v[0].top),
		"b a must sit on the very node of a, not on a copy of it")
	assert.True(t, rc.PtrEq(&tail(&v[2]).top, &v[0].top),
		"c a must sit on the same node as b a does: the versions share their tail")
	assert.True(t, rc.PtrEq(&tail(tail(&v[3])).top, &v[0].top),
		"d b a reaches that same node two levels down")
	assert.Equal(t, 3, v[0].top.StrongCount(),
		"the node of a has three owners: the version a, and the nodes of b and c that sit on it")
	assert.Equal(t, 2, v[1].top.StrongCount(),
		"the node of b has two owners: the version b a and the node of d")
	assert.Equal(t, 1, v[3].top.StrongCount(), "nothing sits on d: the version d b a is its only owner")
	for i := range v {
		v[i].Drop()
	}
}

func TestPopReturnsTheTopAndTheSharedTail(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	v := versions()
	value, rest, ok := v[1].Pop()
	require.True(t, ok, "b a is not empty: Pop must succeed")
	assert.Equal(t, "b", value, "Pop returns the top value")
	assert.True(t, rc.PtrEq(&rest.top, &v[0].top), "the rest of b a is the version a itself, shared, not copied")
	assert.Equal(t, 4, v[0].top.StrongCount(),
		"Pop must return a new handle to the tail: the node of a has one owner more")
	assert.Equal(t, []string{"b", "a"}, v[1].Values(), "Pop must leave the version it pops from unchanged")
	rctest.RequireLive(t, before, 4, "Pop allocates nothing")
	rest.Drop()
	assert.Equal(t, 3, v[0].top.StrongCount(), "dropping what Pop returned gives its share back")

	var empty Stack
	value, rest, ok = empty.Pop()
	assert.False(t, ok, "the empty stack has nothing to pop")
	assert.Empty(t, value, "a failed Pop returns the empty string")
	assert.True(t, rest.IsEmpty(), "a failed Pop returns the empty stack")
	for i := range v {
		v[i].Drop()
	}
}

func TestASharedNodeCannotBeChangedInPlace(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	v := versions()
	_, ok := v[0].top.GetMut()
	assert.False(t, ok,
		"three owners share the node of a: writing to it would change b a and c a too, so GetMut refuses (I6)")
	_, ok = v[3].top.GetMut()
	assert.True(t, ok, "the node of d has one owner and no Weak: it is unique")
	for i := range v {
		v[i].Drop()
	}
}

func TestDroppingOneVersionLeavesTheOthersIntact(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	v := versions()
	v[0].Drop()
	rctest.RequireLive(t, before, 4, "b a and c a still sit on the node of a: dropping the version a frees nothing")
	assert.Equal(t, 2, tail(&v[1]).top.StrongCount(), "the node of a has lost one owner, the version a")
	v[1].Drop()
	rctest.RequireLive(t, before, 4, "d b a still sits on the node of b: nothing is freed")
	v[3].Drop()
	rctest.RequireLive(t, before, 2,
		"d had one owner: dropping d b a drops d, whose destructor drops the last owner of b, freeing both")
	assert.Equal(t, []string{"c", "a"}, v[2].Values(), "c a must still read c a after every other version is gone")
	v[2].Drop()
	rctest.RequireLive(t, before, 0, "the last version's drop frees the rest")
}

// orders returns every permutation of 0..n-1.
func orders(n int) [][]int {
	if n == 0 {
		return [][]int{{}}
	}
	var all [][]int
	for _, rest := range orders(n - 1) {
		for at := 0; at <= len(rest); at++ {
			all = append(all, append(append(append([]int{}, rest[:at]...), n-1), rest[at:]...))
		}
	}
	return all
}

func TestEveryDropOrderFreesANodeWithItsLastOwner(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	for _, order := range orders(4) {
		t.Run(fmt.Sprint(order), func(t *testing.T) {
			before := rc.LiveAllocations()
			v := versions()
			dropped := make([]bool, len(v))
			for _, i := range order {
				v[i].Drop()
				dropped[i] = true
				reached := map[string]bool{}
				for j := range v {
					if dropped[j] {
						continue
					}
					for _, n := range nodesOf[j] {
						reached[n] = true
					}
					require.Equal(t, wantValues[j], v[j].Values(),
						"dropping version %d must not change version %d", i, j)
				}
				rctest.RequireLive(t, before, len(reached),
					"a node must be freed exactly when no remaining version reaches it")
			}
		})
	}
}

func TestALongStackIsFreedByItsLastDrop(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	const n = 10_000
	before := rc.LiveAllocations()
	v := make([]Stack, n+1)
	for i := range n {
		v[i+1] = v[i].Push(fmt.Sprint(i))
	}
	for i := range n {
		v[i].Drop() // keep only the longest version
	}
	require.Equal(t, n, v[n].Len(), "the longest version still holds every value")
	rctest.RequireLive(t, before, n, "one node per push")
	v[n].Drop()
	rctest.RequireLive(t, before, 0, "each node's destructor drops its tail: one Drop frees the whole chain")
}
