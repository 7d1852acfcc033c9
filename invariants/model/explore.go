package model

import "strconv"

// ExploreConfig bounds the exhaustive search: how many steps a sequence may
// take, and how big the universe of allocations and handles may grow.
type ExploreConfig struct {
	Depth      int // longest sequence of steps
	MaxAllocs  int // live allocations at once
	MaxHandles int // handles (strong and weak) to one allocation at once
	// Filter, if not nil, keeps only the steps it accepts: the comparison
	// with Rust's std explores only the steps Rust can take.
	Filter func(Step) bool
}

// ExploreResult is what an exploration found.
type ExploreResult struct {
	States    int        // distinct states reached, the empty start included
	Sequences int        // step sequences run and checked
	Depth     int        // the deepest level completed
	Violation *Violation // the first violation found, at the smallest depth; nil if none
}

// Explore runs every sequence of steps up to cfg.Depth, breadth first, over
// a universe of at most cfg.MaxAllocs allocations with cfg.MaxHandles
// handles each, and checks implementation against model after every step
// and after dropping everything at the end of every sequence. Equivalent
// states are explored once: two sequences that leave the same allocations,
// counts, values and handles behind have the same futures. Handles to the
// same allocation are interchangeable, so each step is tried on one of
// them. Exploration stops at the first violation, which is therefore one of
// the shortest.
func Explore(impl Impl, cfg ExploreConfig) ExploreResult { return explore(impl, cfg, nil) }

// Sequences calls visit with every step sequence Explore(impl, cfg) runs,
// in the order it runs them, just before running it, so that a tool can
// replay the same sequences elsewhere (the verification lab replays them on
// Rust's std). Each slice is visit's to keep. A sequence is a state's path
// followed by one step that may change it, or by all its observers at once
// (see observe). The sequences do not include the drop of every handle that
// ends each run. Sequences stops when visit returns false, and returns what
// Explore would have returned up to there.
func Sequences(impl Impl, cfg ExploreConfig, visit func([]Step) bool) ExploreResult {
	return explore(impl, cfg, visit)
}

// explore is Explore, showing each sequence to visit first if visit is not nil.
func explore(impl Impl, cfg ExploreConfig, visit func([]Step) bool) ExploreResult {
	res := ExploreResult{States: 1}
	show := func(path []Step, more ...Step) bool {
		return visit == nil || visit(append(append(make([]Step, 0, len(path)+len(more)), path...), more...))
	}
	seen := map[string]bool{newMachine(impl).key(): true}
	frontier := [][]Step{nil}
	for depth := 1; depth <= cfg.Depth && len(frontier) > 0; depth++ {
		var next [][]Step
		for _, path := range frontier {
			m, _ := run(impl, path, nil, nil)
			changers, observers := m.enabled(cfg)
			m.try(m.drain) // checked already, when path was first found
			for _, s := range changers {
				if !show(path, s) {
					return res
				}
				res.Sequences++
				var key string
				if _, v := run(impl, path, []Step{s}, &key); v != nil {
					res.Violation = v
					return res
				}
				if !seen[key] {
					seen[key] = true
					res.States++
					next = append(next, append(append([]Step(nil), path...), s))
				}
			}
			v, stopped := observe(impl, path, observers, &res, show)
			if stopped {
				return res
			}
			if v != nil {
				res.Violation = v
				return res
			}
		}
		frontier = next
		res.Depth = depth
	}
	return res
}

// observe runs the steps that leave the state as it was (Move, PtrEq, the
// overflow probe, GetMut) after path, all in one sequence: taking one
// cannot change what another sees. If that sequence fails, each is run on
// its own, so that the violation reported is one of the shortest. Each
// sequence is shown first (show, explore's); stopped is set when show says
// to stop.
func observe(impl Impl, path, observers []Step, res *ExploreResult, show func([]Step, ...Step) bool) (v *Violation, stopped bool) {
	if len(observers) == 0 {
		return nil, false
	}
	if !show(path, observers...) {
		return nil, true
	}
	res.Sequences++
	if _, v := run(impl, path, observers, nil); v == nil {
		return nil, false
	}
	for _, s := range observers {
		if !show(path, s) {
			return nil, true
		}
		res.Sequences++
		if _, v := run(impl, path, []Step{s}, nil); v != nil {
			return v, false
		}
	}
	return &Violation{Mismatch: Mismatch{Check: "the observers after " + strconv.Itoa(len(path)) + " steps", Want: "the same result together as alone", Got: "a failure only together"}}, false
}

// run replays path on a fresh machine (path was checked when it was found,
// so it is not checked again), then takes the steps in more, checking after
// each. It records the state reached in key (if not nil), then drops every
// handle and checks that nothing is left. With no steps in more the machine
// is returned undrained, so that the caller can list its enabled steps; the
// caller drains it.
func run(impl Impl, path, more []Step, key *string) (m *machine, v *Violation) {
	m = newMachine(impl)
	v = m.try(func() {
		for _, s := range path {
			m.apply(s)
		}
		if len(more) == 0 {
			return
		}
		m.check()
		for _, s := range more {
			m.apply(s)
			m.check()
		}
		if key != nil {
			*key = m.key()
		}
		m.drain()
	})
	return m, v
}
