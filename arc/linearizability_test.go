package arc_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync/atomic"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/rcbook/rcbook/arc"
)

// Recording real histories: goroutines run random operations on their own
// handles to one allocation, timestamp each call and return on a shared
// clock, and the histories are checked against countsModel
// (linmodel_test.go).

// errLast is the destructor's panic: it tells the Drop that ran the
// destructor that it was the last one, which no count can tell afterwards.
var errLast = errors.New("last drop")

type lastTeller struct{}

func (lastTeller) Drop() { panic(errLast) }

// client is one goroutine's share of a history: its handles and the
// operations it recorded.
type client struct {
	id      int
	rng     *rand.Rand
	clock   *atomic.Int64
	strongs []*arc.Arc[lastTeller]
	weaks   []*arc.Weak[lastTeller]
	ops     []porcupine.Operation
}

// do runs one operation on c's handles and records it with call and
// return timestamps from a clock shared by all clients.
//
// Now and then it yields between the call and the operation, so that the
// intervals of different goroutines overlap even on a single processor,
// and the checker has orders to choose between.
func (c *client) do(op linOp) {
	call := c.clock.Add(1)
	if c.rng.IntN(4) == 0 {
		runtime.Gosched()
	}
	out := c.run(op)
	ret := c.clock.Add(1)
	c.ops = append(c.ops, porcupine.Operation{ClientId: c.id, Input: op, Call: call, Output: out, Return: ret})
}

func (c *client) run(op linOp) (out linOut) {
	last := len(c.strongs) - 1
	lastWeak := len(c.weaks) - 1
	switch op {
	case linClone:
		h := new(arc.Arc[lastTeller])
		*h = c.strongs[last].Clone()
		c.strongs = append(c.strongs, h)
	case linDrop:
		out.ok = dropTellsLast(c.strongs[last])
		c.strongs = c.strongs[:last]
	case linIntoInner:
		_, out.ok = c.strongs[last].IntoInner()
		c.strongs = c.strongs[:last]
	case linTryUnwrap:
		if _, out.ok = c.strongs[last].TryUnwrap(); out.ok {
			c.strongs = c.strongs[:last]
		}
	case linDowngrade:
		w := new(arc.Weak[lastTeller])
		*w = arc.Downgrade(c.strongs[last])
		c.weaks = append(c.weaks, w)
	case linUpgrade:
		h := new(arc.Arc[lastTeller])
		if *h, out.ok = c.weaks[lastWeak].Upgrade(); out.ok {
			c.strongs = append(c.strongs, h)
		}
	case linWeakClone:
		w := new(arc.Weak[lastTeller])
		*w = c.weaks[lastWeak].Clone()
		c.weaks = append(c.weaks, w)
	case linWeakDrop:
		c.weaks[lastWeak].Drop()
		c.weaks = c.weaks[:lastWeak]
	case linStrongCount:
		out.n = c.strongs[last].StrongCount()
	case linWeakCount:
		out.n = c.strongs[last].WeakCount()
	case linGetMut:
		_, out.ok = c.strongs[last].GetMut()
	case linWeakStrongCount:
		out.n = c.weaks[lastWeak].StrongCount()
	case linWeakWeakCount:
		out.n = c.weaks[lastWeak].WeakCount()
	}
	return out
}

func dropTellsLast(h *arc.Arc[lastTeller]) (last bool) {
	defer func() {
		if p := recover(); p != nil {
			if p != errLast {
				panic(p)
			}
			last = true
		}
	}()
	h.Drop()
	return false
}

// next picks an operation c's handles allow, at random.
func (c *client) next() linOp {
	const most = 3 // handles of each kind per client
	for {
		op := linOp(c.rng.IntN(int(linOps)))
		s, w := len(c.strongs), len(c.weaks)
		switch op {
		case linClone:
			if s > 0 && s < most {
				return op
			}
		case linUpgrade:
			if w > 0 && s < most {
				return op
			}
		case linDowngrade:
			if s > 0 && w < most {
				return op
			}
		case linWeakClone:
			if w > 0 && w < most {
				return op
			}
		case linWeakDrop, linWeakStrongCount, linWeakWeakCount:
			if w > 0 {
				return op
			}
		default:
			if s > 0 {
				return op
			}
		}
		if s == 0 && w == 0 {
			return linOps // nothing left to do
		}
	}
}

// recordHistory runs clients goroutines, each starting with one strong
// handle and one Weak to a fresh allocation, for steps operations each,
// then has each drop what it still holds (also recorded). It returns the
// history and the model's initial state.
func recordHistory(seed uint64, clients, steps int) ([]porcupine.Operation, counts) {
	root := arc.New(lastTeller{})
	var clock atomic.Int64
	cs := make([]*client, clients)
	for i := range cs {
		s, w := new(arc.Arc[lastTeller]), new(arc.Weak[lastTeller])
		*s, *w = root.Clone(), arc.Downgrade(&root)
		cs[i] = &client{id: i, rng: rand.New(rand.NewPCG(seed, uint64(i))), clock: &clock,
			strongs: []*arc.Arc[lastTeller]{s}, weaks: []*arc.Weak[lastTeller]{w}}
	}
	root.Drop() // not the last: every client holds a clone
	runTogether(clients, func(g int) {
		c := cs[g]
		for range steps {
			if op := c.next(); op != linOps {
				c.do(op)
			}
		}
		for len(c.strongs) > 0 {
			c.do(linDrop)
		}
		for len(c.weaks) > 0 {
			c.do(linWeakDrop)
		}
	})
	var history []porcupine.Operation
	for _, c := range cs {
		history = append(history, c.ops...)
	}
	sort.Slice(history, func(i, j int) bool { return history[i].Call < history[j].Call })
	return history, counts{strong: clients, weak: clients}
}

// TestHistoriesAreLinearizable records concurrent histories of every
// operation on one allocation from three goroutines and checks each
// against the sequential counts.
func TestHistoriesAreLinearizable(t *testing.T) {
	defer goleak.VerifyNone(t)
	before := arc.LiveAllocations()
	rounds := 1000
	if testing.Short() {
		rounds = 50
	}
	const clients, steps = 3, 20
	deadline := time.Now().Add(3 * time.Second)
	checked, upgradesRefused, valueGoneMidway, overlapping := 0, 0, 0, 0
	for round := range rounds {
		if time.Now().After(deadline) {
			break // bounded in time: slow machines check fewer histories
		}
		history, init := recordHistory(uint64(round), clients, steps)
		res, info := porcupine.CheckOperationsVerbose(countsModel(init), history, time.Second)
		if res != porcupine.Ok {
			// Kept after the test, unlike t.TempDir: open it in a browser.
			path := filepath.Join(os.TempDir(), fmt.Sprintf("arc-history-%d.html", round))
			_ = porcupine.VisualizePath(countsModel(init), info, path)
			require.Equal(t, porcupine.Ok, res, "round %d: history not linearizable (%v); visualization in %s", round, res, path)
		}
		checked++
		refused, lastAt := 0, int64(-1)
		for _, op := range history {
			out := op.Output.(linOut)
			switch op.Input.(linOp) {
			case linUpgrade:
				if !out.ok {
					refused++
				}
			case linDrop, linIntoInner, linTryUnwrap:
				if out.ok {
					lastAt = op.Return
				}
			}
		}
		overlapping += overlaps(history)
		upgradesRefused += refused
		if lastAt >= 0 && refused > 0 {
			valueGoneMidway++
		}
		require.Equal(t, before, arc.LiveAllocations(), "round %d: every allocation freed", round)
	}
	t.Logf("%d histories of %d goroutines x %d operations (+ final drops) linearizable; %d operations overlapped another goroutine's; %d refused Upgrades; value gone while Weaks still upgraded in %d",
		checked, clients, steps, overlapping, upgradesRefused, valueGoneMidway)
	assert.Positive(t, overlapping, "the goroutines' operations must really overlap")
	assert.Positive(t, valueGoneMidway, "some histories must see the value die while Weaks try to upgrade")
}

// overlaps counts the operations whose interval overlaps an operation of
// another client: the ones whose order the checker had to work out.
func overlaps(history []porcupine.Operation) int {
	n := 0
	for i, a := range history {
		for j, b := range history {
			if i != j && a.ClientId != b.ClientId && a.Call < b.Return && b.Call < a.Return {
				n++
				break
			}
		}
	}
	return n
}
