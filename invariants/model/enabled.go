package model

import "strconv"

// enabled lists the steps worth trying from the current state within cfg's
// bounds. Handles to one allocation are interchangeable, so each step is
// offered for one representative handle per allocation. The steps come in
// two lists: those that may change the state, and the observers, which
// leave it as it was (renaming by Move and payload writes aside).
func (m *machine) enabled(cfg ExploreConfig) (changers, observers []Step) {
	var steps []Step
	handles := map[int]int{}
	for _, s := range m.strongs {
		handles[s.alloc]++
	}
	for _, w := range m.weaks {
		handles[w.alloc]++
	}
	if m.model.LiveAllocs() < cfg.MaxAllocs {
		steps = append(steps,
			Step{Op: OpNew}, Step{Op: OpNew, Panics: true}, Step{Op: OpNewWithCleanup},
			Step{Op: OpNewWithCleanup, CleanupPanics: true},
			Step{Op: OpNewCyclic}, Step{Op: OpNewCyclic, MoveSelf: true},
			Step{Op: OpNewCyclic, Escape: true}, Step{Op: OpNewCyclic, Escape: true, BuildPanics: true})
		if _, ok := m.model.Values[m.nextID]; ok && m.twins == 0 {
			steps = append(steps, Step{Op: OpNew, Twin: true}) // one pair of equal values is enough
		}
	}
	misuse := misuses(m.impl)
	staleOf := map[int]bool{}
	for _, c := range m.stales {
		staleOf[c.alloc] = true
	}
	weakStaleOf := map[int]bool{}
	for _, c := range m.staleWeaks {
		weakStaleOf[c.alloc] = true
	}
	room := func(a int) bool { return handles[a] < cfg.MaxHandles }
	var reps []int             // the first strong handle of each allocation, in order
	repOf := map[int]int{}     // allocation -> its representative
	samePair := map[int]bool{} // allocations whose same-allocation PtrEq is offered
	for i, s := range m.strongs {
		if r, seen := repOf[s.alloc]; seen {
			if !samePair[s.alloc] {
				steps = append(steps, Step{Op: OpPtrEq, I: r, J: i})
				samePair[s.alloc] = true
			}
			continue
		}
		for _, r := range reps {
			steps = append(steps, Step{Op: OpPtrEq, I: r, J: i})
		}
		repOf[s.alloc] = i
		reps = append(reps, i)
		if room(s.alloc) {
			steps = append(steps, Step{Op: OpClone, I: i}, Step{Op: OpDowngrade, I: i})
		}
		steps = append(steps,
			Step{Op: OpMove, I: i}, Step{Op: OpDrop, I: i}, Step{Op: OpGetMut, I: i},
			Step{Op: OpMakeMut, I: i}, Step{Op: OpTryUnwrap, I: i}, Step{Op: OpIntoInner, I: i})
		if m.model.Allocs[s.alloc].Strong > 1 {
			steps = append(steps, Step{Op: OpMakeMut, I: i, CloneDrops: true})
		}
		if misuse && !staleOf[s.alloc] {
			steps = append(steps, Step{Op: OpStaleCopy, I: i}) // one stale copy of each kind per allocation
		}
		if misuse && !weakStaleOf[s.alloc] {
			steps = append(steps, Step{Op: OpWeakStaleCopy, I: i})
		}
		if _, ok := m.impl.(CountSetter); ok && room(s.alloc) {
			steps = append(steps, Step{Op: OpProbeOverflow, I: i})
		}
	}
	firstWeak := map[int]bool{}
	dangling := 0
	for i, w := range m.weaks {
		if w.alloc < 0 {
			dangling++
		}
		if firstWeak[w.alloc] {
			continue
		}
		firstWeak[w.alloc] = true
		if w.alloc < 0 || room(w.alloc) {
			steps = append(steps, Step{Op: OpWeakClone, I: i}, Step{Op: OpUpgrade, I: i})
		}
		steps = append(steps, Step{Op: OpWeakMove, I: i}, Step{Op: OpWeakDrop, I: i})
		for j := i + 1; j < len(m.weaks); j++ {
			if !firstWeak[m.weaks[j].alloc] || m.weaks[j].alloc == w.alloc {
				steps = append(steps, Step{Op: OpWeakPtrEq, I: i, J: j})
				break
			}
		}
	}
	if dangling == 0 {
		steps = append(steps, Step{Op: OpDangling})
	}
	// A refused misuse changes nothing, so every use of every stale copy
	// that must be refused now is an observer.
	for _, i := range m.staleUsable() {
		for _, u := range strongUses {
			steps = append(steps, Step{Op: OpStaleUse, I: i, Use: u})
		}
	}
	weakStale, uses := m.weakStaleUsable()
	for k, i := range weakStale {
		for _, u := range uses[k] {
			steps = append(steps, Step{Op: OpWeakStaleUse, I: i, Use: u})
		}
	}
	for _, s := range steps {
		if cfg.Filter != nil && !cfg.Filter(s) {
			continue
		}
		switch s.Op {
		case OpMove, OpWeakMove, OpPtrEq, OpWeakPtrEq, OpProbeOverflow, OpGetMut, OpStaleUse, OpWeakStaleUse:
			observers = append(observers, s)
		default:
			changers = append(changers, s)
		}
	}
	return changers, observers
}

// key describes the state in a form where two states with the same future
// are equal: the allocations still live or still pointed at, with their
// counts, their value and their handles. Names, payloads and allocations
// nothing can reach are left out. Allocations have no identity of their
// own, so the key is the smallest over every order of the allocations (at
// most MaxAllocs! orders): states that differ only in which allocation was
// made first are one state.
func (m *machine) key() string {
	strongs, weaks, stales := map[int]int{}, map[int]int{}, map[int]int{}
	for _, s := range m.strongs {
		strongs[s.alloc]++
	}
	for _, w := range m.weaks {
		weaks[w.alloc]++
	}
	for _, c := range m.stales {
		stales[c.alloc]++
	}
	for _, c := range m.staleWeaks {
		stales[c.alloc] += 16 // weak copies apart from strong ones
	}
	for a := range m.freedAt {
		stales[a] += 256 * m.reuses(a) // and freed headers a pool may have reused apart
	}
	var live []int
	for a, al := range m.model.Allocs {
		if al.Live() || strongs[a] > 0 || weaks[a] > 0 || stales[a] > 0 {
			live = append(live, a)
		}
	}
	best := ""
	permute(live, 0, func(order []int) {
		if k := m.keyIn(order, strongs, weaks, stales); best == "" || k < best {
			best = k
		}
	})
	return best
}

// keyIn is the key with the allocations numbered in the given order.
func (m *machine) keyIn(order []int, strongs, weaks, stales map[int]int) string {
	number := func(a int) int {
		for i, b := range order {
			if a == b {
				return i
			}
		}
		return -1 // nothing reaches it
	}
	b := make([]byte, 0, 64)
	for _, a := range order {
		al := m.model.Allocs[a]
		b = append(b, '[')
		for _, n := range [...]int{al.Strong, al.Weak, strongs[a], weaks[a], stales[a]} {
			b = strconv.AppendInt(b, int64(n), 10)
			b = append(b, ' ')
		}
		if al.Value >= 0 {
			v := m.model.Values[al.Value]
			b = strconv.AppendBool(b, v.Cleanup)
			b = strconv.AppendBool(b, v.Panics)
			b = strconv.AppendBool(b, v.CleanupPanics)
			b = strconv.AppendBool(b, v.Twin)
			b = strconv.AppendInt(b, int64(number(v.SelfAlloc)), 10)
		}
		b = append(b, ']')
	}
	b = strconv.AppendInt(b, int64(weaks[-1]), 10)
	return string(b)
}

// permute calls visit with every order of xs[k:], xs[:k] fixed.
func permute(xs []int, k int, visit func([]int)) {
	if k >= len(xs) {
		visit(xs)
		return
	}
	for i := k; i < len(xs); i++ {
		xs[k], xs[i] = xs[i], xs[k]
		permute(xs, k+1, visit)
		xs[k], xs[i] = xs[i], xs[k]
	}
}
