package arc_test

import (
	"math/rand/v2"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/rcbook/rcbook/arc"
)

// A random stress test: several goroutines work on handles to one
// allocation at once, each owning its own handles and handing some over
// through a pool, while the value (tracked, in tracked_test.go) watches.

// worker owns some handles to one allocation and does random operations on
// them; pool lets handles change owners, as a channel between goroutines
// would in a program.
type worker struct {
	rng     *rand.Rand
	v       *tracked
	vs      *violations
	strongs []*arc.Arc[*tracked]
	weaks   []*arc.Weak[*tracked]
	pool    *pool
	stats   *stats
}

type pool struct {
	strongs chan *arc.Arc[*tracked]
	weaks   chan *arc.Weak[*tracked]
}

type stats struct {
	upgraded, upgradeFailed, getMut atomic.Int64
}

const maxHeld = 4

func (w *worker) pick(n int) int { return w.rng.IntN(n) }

// The operations and their weights. Drops outweigh clones and upgrades,
// so the strong count drifts to 0 and the value usually dies mid-round.
const (
	opClone = iota
	opDrop
	opDowngrade
	opUpgrade
	opWeakClone
	opWeakDrop
	opGetMut
	opGet
	opGive
	opTake
	opCount
)

var opWeights = [opCount]int{opClone: 2, opDrop: 4, opDowngrade: 2, opUpgrade: 3, opWeakClone: 1,
	opWeakDrop: 3, opGetMut: 2, opGet: 2, opGive: 1, opTake: 2}

var opTotal = func() (n int) {
	for _, w := range opWeights {
		n += w
	}
	return n
}()

func (w *worker) nextOp() int {
	r := w.rng.IntN(opTotal)
	for op, weight := range opWeights {
		if r < weight {
			return op
		}
		r -= weight
	}
	panic("unreachable")
}

func (w *worker) step() {
	s, k := len(w.strongs), len(w.weaks)
	switch op := w.nextOp(); {
	case op == opClone && s > 0 && s < maxHeld:
		c := new(arc.Arc[*tracked])
		*c = w.strongs[w.pick(s)].Clone()
		w.strongs = append(w.strongs, c)
	case op == opDrop && s > 0:
		i := w.pick(s)
		w.strongs[i].Drop()
		w.strongs = append(w.strongs[:i], w.strongs[i+1:]...)
	case op == opDowngrade && s > 0 && k < maxHeld:
		d := new(arc.Weak[*tracked])
		*d = arc.Downgrade(w.strongs[w.pick(s)])
		w.weaks = append(w.weaks, d)
	case op == opUpgrade && k > 0 && s < maxHeld:
		u := new(arc.Arc[*tracked])
		var ok bool
		*u, ok = w.weaks[w.pick(k)].Upgrade()
		if !ok {
			w.stats.upgradeFailed.Add(1)
			return
		}
		w.stats.upgraded.Add(1)
		if w.v.dead.Load() {
			w.vs.add("Upgrade succeeded after the value was dropped (I7)")
		}
		read(*u.Get(), w.vs)
		w.strongs = append(w.strongs, u)
	case op == opWeakClone && k > 0 && k < maxHeld:
		c := new(arc.Weak[*tracked])
		*c = w.weaks[w.pick(k)].Clone()
		w.weaks = append(w.weaks, c)
	case op == opWeakDrop && k > 0:
		i := w.pick(k)
		w.weaks[i].Drop()
		w.weaks = append(w.weaks[:i], w.weaks[i+1:]...)
	case op == opGetMut && s > 0:
		if p, ok := w.strongs[w.pick(s)].GetMut(); ok {
			w.stats.getMut.Add(1)
			write(*p, w.vs)
		}
	case op == opGet && s > 0:
		read(*w.strongs[w.pick(s)].Get(), w.vs)
	case op == opGive:
		w.give()
	case op == opTake:
		w.take()
	}
}

func (w *worker) give() {
	if len(w.strongs) > 0 && w.rng.IntN(2) == 0 {
		i := w.pick(len(w.strongs))
		select {
		case w.pool.strongs <- w.strongs[i]: // the handle now belongs to the pool
			w.strongs = append(w.strongs[:i], w.strongs[i+1:]...)
		default:
		}
		return
	}
	if len(w.weaks) > 0 {
		i := w.pick(len(w.weaks))
		select {
		case w.pool.weaks <- w.weaks[i]:
			w.weaks = append(w.weaks[:i], w.weaks[i+1:]...)
		default:
		}
	}
}

func (w *worker) take() {
	select {
	case h := <-w.pool.strongs:
		w.strongs = append(w.strongs, h)
	case h := <-w.pool.weaks:
		w.weaks = append(w.weaks, h)
	default:
	}
}

func (w *worker) dropAll() {
	for _, h := range w.strongs {
		h.Drop()
	}
	for _, h := range w.weaks {
		h.Drop()
	}
	w.strongs, w.weaks = nil, nil
}

// TestStressRandomOperations runs rounds of random clone, drop, downgrade,
// upgrade, Weak clone and drop, Get, GetMut and hand-overs on one
// allocation from several goroutines. In each round the strong handles
// drift towards zero, so the value usually dies while other goroutines
// still hold Weaks and keep trying to upgrade. After each round: the
// destructor ran exactly once, every allocation was freed, and no worker
// saw an Upgrade revive the value or a GetMut share it.
func TestStressRandomOperations(t *testing.T) {
	defer goleak.VerifyNone(t)
	const workers, steps = 4, 400
	rounds := 300
	if testing.Short() {
		rounds = 30
	}
	before := arc.LiveAllocations()
	var vs violations
	var st stats
	diedEarly := 0
	for round := range rounds {
		v := new(tracked)
		root := arc.New(v)
		p := &pool{make(chan *arc.Arc[*tracked], 4), make(chan *arc.Weak[*tracked], 4)}
		ws := make([]*worker, workers)
		for g := range ws {
			ws[g] = &worker{rng: rand.New(rand.NewPCG(uint64(round), uint64(g))), v: v, vs: &vs, pool: p, stats: &st}
			s, k := new(arc.Arc[*tracked]), new(arc.Weak[*tracked])
			*s, *k = root.Clone(), arc.Downgrade(&root)
			ws[g].strongs, ws[g].weaks = []*arc.Arc[*tracked]{s}, []*arc.Weak[*tracked]{k}
		}
		root.Drop()
		runTogether(workers, func(g int) {
			for range steps {
				ws[g].step()
			}
		})
		if v.drops.Load() == 1 {
			diedEarly++
		}
		for _, w := range ws {
			w.dropAll()
		}
		close(p.strongs)
		close(p.weaks)
		for h := range p.strongs {
			h.Drop()
		}
		for h := range p.weaks {
			h.Drop()
		}
		require.Equal(t, int32(1), v.drops.Load(), "round %d: the destructor must run exactly once (I2)", round)
		require.Equal(t, before, arc.LiveAllocations(), "round %d: every allocation freed (I3, I5)", round)
	}
	vs.check(t)
	t.Logf("%d rounds: value died before the workers finished in %d; %d upgrades, %d refused; %d GetMut successes",
		rounds, diedEarly, st.upgraded.Load(), st.upgradeFailed.Load(), st.getMut.Load())
	assert.Positive(t, diedEarly, "the stress must reach the race between the last Drop and Upgrade")
	assert.Positive(t, st.upgradeFailed.Load(), "some Upgrades must find the value dead")
}
