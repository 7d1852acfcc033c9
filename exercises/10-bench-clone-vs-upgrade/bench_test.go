package benchupgrade

import (
	"flag"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

// The benchmarks themselves, for `go test -bench . -benchmem`.

func BenchmarkCloneDrop(b *testing.B)   { CloneDrop(b) }
func BenchmarkUpgradeDrop(b *testing.B) { UpgradeDrop(b) }

// shortBenchtime makes testing.Benchmark run each benchmark for 100ms
// instead of the default second, for the rest of the test. testing.Benchmark
// reads the -test.benchtime flag, so the test sets the flag and puts the old
// value back when it ends. 100ms is still tens of millions of iterations of
// an operation that takes nanoseconds.
func shortBenchtime(t *testing.T) {
	f := flag.Lookup("test.benchtime")
	if f == nil {
		return
	}
	old := f.Value.String()
	require.NoError(t, f.Value.Set("100ms"))
	t.Cleanup(func() { _ = f.Value.Set(old) })
}

func nsPerOp(r testing.BenchmarkResult) float64 {
	return float64(r.T.Nanoseconds()) / float64(r.N)
}

func TestTheBenchmarksRunAndDoNotAllocate(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	shortBenchtime(t)
	for _, bench := range []struct {
		name string
		body func(*testing.B)
	}{
		{"CloneDrop", CloneDrop},
		{"UpgradeDrop", UpgradeDrop},
	} {
		before := rc.LiveAllocations()
		r := testing.Benchmark(bench.body)
		require.Positive(t, r.N,
			"%s ran no iteration: testing.Benchmark reports N == 0 when the benchmark fails (b.Fatal) "+
				"or never loops. Loop with `for b.Loop() { ... }`", bench.name)
		t.Logf("%s: %s %s", bench.name, r, r.MemString())
		assert.Zero(t, r.AllocsPerOp(),
			"%s allocates in its loop. Clone, Upgrade and Drop only change counts in an existing header: "+
				"make the Rc (and the Weak) once, before the loop", bench.name)
		rctest.RequireLive(t, before, 0,
			bench.name+" must drop every handle it makes, the ones made before the loop too (defer their Drop)")
	}
}

func TestFasterAgreesWithTheMeasurement(t *testing.T) {
	shortBenchtime(t)
	answer := Faster()
	require.Contains(t, []string{Clone, Upgrade}, answer, "Faster must return Clone or Upgrade")

	// The machine is noisy, so the test measures three rounds, each
	// benchmark right after the other, and holds Faster to an answer only
	// when every round shows the same operation faster by more than 20%.
	const rounds, margin = 3, 1.2
	cloneFaster, upgradeFaster := 0, 0
	for round := range rounds {
		c := testing.Benchmark(CloneDrop)
		u := testing.Benchmark(UpgradeDrop)
		require.True(t, c.N > 0 && u.N > 0, "both benchmarks must run (see TestTheBenchmarksRunAndDoNotAllocate)")
		ratio := nsPerOp(u) / nsPerOp(c)
		t.Logf("round %d: Clone+Drop %.2f ns/op, Upgrade+Drop %.2f ns/op, Upgrade/Clone = %.2f",
			round+1, nsPerOp(c), nsPerOp(u), ratio)
		switch {
		case ratio > margin:
			cloneFaster++
		case ratio < 1/margin:
			upgradeFaster++
		}
	}
	switch {
	case cloneFaster == rounds:
		assert.Equal(t, Clone, answer,
			"every round measured Clone+Drop more than 20%% faster than Upgrade+Drop. "+
				"Upgrade does more: a Weak may outlive the value, so it must check strong > 0 before counting itself")
	case upgradeFaster == rounds:
		assert.Equal(t, Upgrade, answer, "every round measured Upgrade+Drop more than 20%% faster than Clone+Drop")
	default:
		t.Logf("the two are within 20%% of each other in some round here: either answer is accepted (Faster says %q)",
			answer)
	}
}
