package main

import (
	"math"
	"slices"
)

// results holds every sample: results[build][name][round].
type results struct {
	rounds map[string]map[string]map[int]sample
}

func newResults() *results {
	return &results{rounds: map[string]map[string]map[int]sample{}}
}

// add records one run's samples.
func (r *results) add(round int, build string, samples map[string]sample) {
	byName := r.rounds[build]
	if byName == nil {
		byName = map[string]map[int]sample{}
		r.rounds[build] = byName
	}
	for name, s := range samples {
		if byName[name] == nil {
			byName[name] = map[int]sample{}
		}
		byName[name][round] = s
	}
}

// stat is a median with the lowest and highest value it was taken from.
type stat struct {
	median, low, high float64
	n                 int
}

// ok reports whether the stat has any samples.
func (s stat) ok() bool { return s.n > 0 }

func summarize(values []float64) stat {
	if len(values) == 0 {
		return stat{}
	}
	v := slices.Clone(values)
	slices.Sort(v)
	m := v[len(v)/2]
	if len(v)%2 == 0 {
		m = (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	return stat{median: m, low: v[0], high: v[len(v)-1], n: len(v)}
}

// value is a metric of one benchmark in one build, over all rounds.
func (r *results) value(build, name, unit string) stat {
	var v []float64
	for _, s := range r.rounds[build][name] {
		if x, ok := s[unit]; ok && !math.IsNaN(x) {
			v = append(v, x)
		}
	}
	return summarize(v)
}

// ref names one benchmark's metric in one build.
type ref struct{ build, name, unit string }

// ratio is a.unit / b.unit within each round, summarized over the rounds
// in which both were measured.
func (r *results) ratio(a, b ref) stat {
	var v []float64
	for round, sa := range r.rounds[a.build][a.name] {
		sb, ok := r.rounds[b.build][b.name][round]
		if !ok {
			continue
		}
		x, okx := sa[a.unit]
		y, oky := sb[b.unit]
		if okx && oky && y > 0 {
			v = append(v, x/y)
		}
	}
	return summarize(v)
}
