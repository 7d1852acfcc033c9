package interleave

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/lab"
)

const sample = `package p

import (
	"runtime"
	"sync"
	"sync/atomic"
)

type q struct {
	mu    sync.Mutex
	n     atomic.Int64
	count int
	ready chan struct{}
}

func (x *q) wait(done <-chan struct{}) bool {
	x.mu.Lock()
	x.count++ // guarded
	x.mu.Unlock()
	<-x.ready
	runtime.Gosched()
	select {
	case <-x.ready:
		return true
	case <-done:
		return false
	}
}
`

func TestRewriteMakesEveryStepACallIntoTheScheduler(t *testing.T) {
	out, err := Rewrite("p.go", []byte(sample), []string{"count"})
	require.NoError(t, err, "the sample is rewritable")
	got := string(out)
	for _, want := range []string{
		`"github.com/rcbook/rcbook/lab/sched/atomic"`,
		`"github.com/rcbook/rcbook/lab/sched/sync"`,
		`"github.com/rcbook/rcbook/lab/sched/runtime"`,
		`import sched "github.com/rcbook/rcbook/lab/sched"`,
		`(*sched.Guarded(&x.count, "count"))++ // guarded`,
		`sched.Recv(x.ready)`,
		`switch sched.Select(x.ready, done) {`,
		"case 0:\n\t\treturn true",
		"case 1:\n\t\treturn false",
	} {
		assert.Contains(t, got, want, "the rewrite must produce %q", want)
	}
	assert.NotContains(t, got, `"sync/atomic"`, "no step may bypass the scheduler")
	assert.NotContains(t, got, "<-x", "every receive is rewritten")
	assert.NotContains(t, got, "<-done", "every receive is rewritten")
	assert.Contains(t, got, "x.mu.Lock()", "calls on shim types are left as they are")
}

func TestRewriteRefusesASelectItCannotExpress(t *testing.T) {
	src := "package p\n\nfunc f(c chan int) {\n\tselect {\n\tcase c <- 1:\n\tdefault:\n\t}\n}\n"
	_, err := Rewrite("p.go", []byte(src), nil)
	assert.Error(t, err, "a select that sends cannot become a switch on received channels")
}

func TestOverlayRewritesTheTargetAndLeavesTheTreeAlone(t *testing.T) {
	var m lab.Mutant
	for _, c := range lab.ConcurrentMutants {
		if c.Name == "rcmap-delete-in-second-section" {
			m = c
		}
	}
	require.NotEmpty(t, m.Name, "the mutant exists")
	target, ok := TargetOf(m)
	require.True(t, ok, "an rcmap mutant has a target")
	assert.Equal(t, "rcmap", target.Package, "an rcmap mutant is hunted by rcmap's scenarios")

	before, err := os.ReadFile("../../rcmap/map.go")
	require.NoError(t, err)
	dir := t.TempDir()
	overlay, err := Overlay("../..", dir, target, &m)
	require.NoError(t, err, "the overlay is written")
	data, err := os.ReadFile(overlay)
	require.NoError(t, err)
	var o struct{ Replace map[string]string }
	require.NoError(t, json.Unmarshal(data, &o), "the overlay is go's JSON")
	abs, _ := filepath.Abs("../../rcmap/map.go")
	rewritten, err := os.ReadFile(o.Replace[abs])
	require.NoError(t, err, "map.go is replaced by its rewrite")
	assert.Contains(t, string(rewritten), "sched.Guarded", "the rewrite is applied")
	assert.Contains(t, string(rewritten), "the delete can take the lock again\n\tm.mu.Lock()\n", "the mutant is applied before the rewrite")
	testFile, _ := filepath.Abs("../../rcmap/map_test.go")
	assert.Equal(t, "", o.Replace[testFile], "the other tests are left out of the build")
	after, err := os.ReadFile("../../rcmap/map.go")
	require.NoError(t, err)
	assert.Equal(t, before, after, "the tree is never touched")
}

func TestEveryConcurrentMutantHasATarget(t *testing.T) {
	for _, m := range lab.ConcurrentMutants {
		_, ok := TargetOf(m)
		assert.True(t, ok, "mutant %s must be in a package the lab explores", m.Name)
	}
}

// TestTheExplorationKillsAMutantAndPassesTheTree builds rcmap twice, as
// `rcbook lab interleave` does: the tree passes, a mutant dies at bound 0.
func TestTheExplorationKillsAMutantAndPassesTheTree(t *testing.T) {
	if testing.Short() {
		t.Skip("builds rcmap twice")
	}
	target := Targets[3]
	reports, _, err := Explore("../..", target, nil, Options{Bound: 1})
	require.NoError(t, err, "the rewritten rcmap builds and runs")
	require.NotEmpty(t, reports, "every scenario reports")
	for _, r := range reports {
		assert.Nil(t, r.Violation, "the real rcmap breaks no rule in %s", r.Scenario)
		assert.Positive(t, r.Schedules, "%s explored schedules", r.Scenario)
	}
	var m lab.Mutant
	for _, c := range lab.ConcurrentMutants {
		if c.Name == "rcmap-clone-unlocked" {
			m = c
		}
	}
	reports, _, err = Explore("../..", target, &m, Options{Bound: 1, MinBound: true})
	require.NoError(t, err)
	k := Killed(m, reports)
	require.NotNil(t, k.Report, "the mutant dies")
	assert.Equal(t, 0, k.Report.Bound, "an access outside the lock shows without any preemption")
	assert.True(t, strings.Contains(Markdown([]Kill{k}, 1), "| `rcmap-clone-unlocked` | 0 |"), "the table gives the bound")
}
