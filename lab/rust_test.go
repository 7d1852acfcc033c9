package lab

import (
	"bytes"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/rcbook/rcbook/invariants/model"
)

// rcdiffBinary builds rcdiff once for the package's tests; they skip where
// rustc is missing (CI installs it) and under -short (the first build takes
// rustc -O a while; later ones come from the cache).
var rcdiffBinary = sync.OnceValues(func() (string, error) {
	bin, _, err := BuildRust()
	return bin, err
})

func requireRcdiff(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("compares with Rust's std: skipped with -short")
	}
	if _, err := exec.LookPath("rustc"); err != nil {
		t.Skip("rustc is not on PATH")
	}
	bin, err := rcdiffBinary()
	require.NoError(t, err)
	return bin
}

// TestRustAgreesOnEveryExploredSequence is `rcbook lab rust` at a depth a
// test can afford, for both families.
func TestRustAgreesOnEveryExploredSequence(t *testing.T) {
	bin := requireRcdiff(t)
	for _, f := range RustFamilies {
		run, div, err := CompareExplored(bin, f, 4)
		require.NoError(t, err)
		require.Nil(t, div, "%v", div)
		rust := model.ExploreConfig{Depth: 4, MaxAllocs: 3, MaxHandles: 4, Filter: expressible}
		assert.Equal(t, model.Explore(f.Impl, rust).Sequences, run.Sequences,
			"%s: every sequence of the steps Rust can take is replayed on Rust", f.Name)
		rust.Filter = nil
		assert.Greater(t, model.Explore(f.Impl, rust).Sequences, run.Sequences,
			"%s: the explorer also takes steps Rust cannot (misuse, panicking cleanups, equal values, clones that drop), left out here", f.Name)
		assert.Greater(t, run.Steps, run.Sequences, "%s: the final drops are compared too", f.Name)
		assert.Zero(t, run.LeftOut, "%s: every step the explorer takes on rcbook's own families has a Rust counterpart", f.Name)
	}
}

// TestRustAgreesOnRapidSequences draws long sequences with rapid, each
// replayed on the model, the library and Rust's std; rapid shrinks a
// difference to a shortest sequence.
func TestRustAgreesOnRapidSequences(t *testing.T) {
	bin := requireRcdiff(t)
	for _, f := range RustFamilies {
		t.Run(f.Name, func(t *testing.T) {
			p, err := startRust(bin, f.Rust)
			require.NoError(t, err)
			defer func() { require.NoError(t, p.close()) }()
			rapid.Check(t, func(rt *rapid.T) {
				length := rapid.IntRange(1, 300).Draw(rt, "length")
				taken := 0
				tr := runTrial(f.Impl, func(s *model.Session) (model.Step, bool) {
					if taken == length {
						return model.Step{}, false
					}
					taken++
					return randomStep(s, func(n int) int { return rapid.IntRange(0, n-1).Draw(rt, "pick") }), true
				})
				if tr.violation != nil {
					rt.Fatalf("the library disagrees with the model:\n%v", tr.violation)
				}
				require.NoError(rt, p.send(tr.input()))
				require.NoError(rt, p.flush())
				lines, err := p.receive(len(tr.steps))
				require.NoError(rt, err)
				if div := tr.compare(f, lines); div != nil {
					rt.Fatalf("%v", div)
				}
			})
		})
	}
}

// TestRcdiffShowsWhatRustDocuments pins rcdiff's reading of std against
// facts the std documentation states, independently of rcbook's model:
// a Weak's weak_count is 0 once no strong handle remains, two Weak::new()
// are ptr_eq, make_mut moves a value that only Weaks share to a new
// allocation (same value, no clone), and a Weak alone keeps the
// allocation, not the value.
func TestRcdiffShowsWhatRustDocuments(t *testing.T) {
	bin := requireRcdiff(t)
	input := "seq\nnew 1\ndown 1 2\nmakemut 1\ndrop 1\ndangling 3\nwclone 3 4\nwptreq 3 4\nwdrop 2\nwdrop 3\nwdrop 4\nend\n"
	for _, family := range []string{"rc", "arc"} {
		cmd := exec.Command(bin, family)
		cmd.Stdin = strings.NewReader(input)
		out, err := cmd.Output()
		require.NoError(t, err)
		assert.Equal(t, []string{
			"-|s1=1/0:v1#1|d= c= r=|1",
			"-|s1=1/1:v1#1 w2=1/1|d= c= r=|1",
			"-|s1=1/0:v1#1001 w2=0/0|d= c= r=|2", // moved, not cloned: still v1; w2 keeps the old allocation
			"-|w2=0/0|d=1 c= r=|1",
			"-|w2=0/0 w3=0/0|d=1 c= r=|1",
			"-|w2=0/0 w3=0/0 w4=0/0|d=1 c= r=|1",
			"yes|w2=0/0 w3=0/0 w4=0/0|d=1 c= r=|1",
			"-|w3=0/0 w4=0/0|d=1 c= r=|0",
			"-|w4=0/0|d=1 c= r=|0",
			"-||d=1 c= r=|0",
			"end",
		}, strings.Split(strings.TrimSpace(string(out)), "\n"), "std::%s as its documentation describes it", family)
	}
}

// beliefs are wrong readings of Rust's std that a model could hold: each
// is an edit to one of rcdiff's files that makes Rust behave as the belief says. The
// comparison must notice every one, or agreeing with Rust would prove
// nothing.
var beliefs = []struct {
	name           string
	file, old, new string
}{
	{
		name: "make_mut clones while only Weaks share the value",
		file: "replay.rs",
		old:  "let v = tracked(|| P::make_mut(s));",
		new: "if P::weak_count(s) > 0 && P::strong_count(s) == 1 { let c = V::clone(s); *s = tracked(|| P::new(c)); } " +
			"let v = tracked(|| P::make_mut(s));",
	},
	{
		name: "try_unwrap refuses while Weaks remain",
		file: "replay.rs",
		old:  "match P::try_unwrap(s) {",
		new:  "match if P::weak_count(&s) > 0 { Err(s) } else { P::try_unwrap(s) } {",
	},
	{
		name: "a Weak's weak_count counts the implicit weak",
		file: "replay.rs",
		old:  `format!("w{n}={}/{}", w.strong_count(), w.weak_count())`,
		new:  `format!("w{n}={}/{}", w.strong_count(), w.weak_count() + (w.strong_count() > 0) as usize)`,
	},
}

// TestEveryWrongBeliefEditsRcdiffExactlyOnce guards the beliefs against
// rcdiff's sources changing under them, as the mutants are guarded, without rustc.
func TestEveryWrongBeliefEditsRcdiffExactlyOnce(t *testing.T) {
	for _, b := range beliefs {
		assert.Equal(t, 1, bytes.Count(rcdiffSources()[b.file], []byte(b.old)), "%s: the edit must apply to %s exactly once", b.name, b.file)
	}
}

func TestTheComparisonCatchesEveryWrongBeliefAboutRust(t *testing.T) {
	requireRcdiff(t)
	for _, b := range beliefs {
		t.Run(b.name, func(t *testing.T) {
			sources := rcdiffSources()
			require.Equal(t, 1, bytes.Count(sources[b.file], []byte(b.old)), "the edit must apply to %s exactly once", b.file)
			sources[b.file] = bytes.Replace(sources[b.file], []byte(b.old), []byte(b.new), 1)
			bin, _, err := buildRcdiff(sources)
			require.NoError(t, err)
			for _, f := range RustFamilies {
				_, div, err := CompareExplored(bin, f, 3)
				require.NoError(t, err)
				require.NotNil(t, div, "%s: Rust that believes %q must differ", f.Name, b.name)
				require.Nil(t, div.Violation, "the model and the library agree with each other")
				assert.Equal(t, div.Model, div.Library, "%s: the model and the library agree", f.Name)
				assert.NotEqual(t, div.Rust, div.Model, "%s: Rust differs", f.Name)
				assert.Contains(t, div.String(), "replay it on Rust", "the divergence says how to replay it")
				t.Logf("%v", div)
			}
		})
	}
}

// brokenGetMut is rc with a GetMut that always refuses: the model catches
// it before Rust is asked, and the comparison stops there.
type brokenGetMut struct{ Rc }

func (b brokenGetMut) New(v model.Value) model.Strong { return refusing{b.Rc.New(v)} }

type refusing struct{ model.Strong }

func (refusing) GetMut() (*model.Value, bool) { return nil, false }

func TestALibraryBugStopsTheComparisonBeforeRust(t *testing.T) {
	bin := requireRcdiff(t)
	run, div, err := CompareExplored(bin, RustFamily{Name: "rc", Rust: "rc", Impl: brokenGetMut{}}, 3)
	require.NoError(t, err)
	require.NotNil(t, div)
	require.NotNil(t, div.Violation, "the model's check fails first")
	assert.Contains(t, div.String(), "the library disagrees with the model")
	all := model.Explore(Rc{}, model.ExploreConfig{Depth: 3, MaxAllocs: 3, MaxHandles: 4}).Sequences
	assert.Less(t, run.Sequences, all, "the comparison stops at the first difference")
}

func TestEveryStepButTheOverflowProbeHasARustCounterpart(t *testing.T) {
	for op := model.OpNew; op <= model.OpWeakStaleUse; op++ {
		if op >= model.OpProbeOverflow {
			assert.False(t, expressible(model.Step{Op: op}), "Rust aborts on overflow where rcbook refuses, and a copy made without Clone does not compile: step %d is left out", op)
			continue
		}
		require.True(t, expressible(model.Step{Op: op}), "%v", op)
		n := model.Named{Step: model.Step{Op: op}, Made: "s9", Escaped: "w10", NameI: "s1", NameJ: "s2"}
		assert.NotEmpty(t, stepLine(n), "step %d is said in rcdiff's language", op)
	}
	for _, s := range []model.Step{
		{Op: model.OpNewWithCleanup, CleanupPanics: true},
		{Op: model.OpNew, Twin: true},
		{Op: model.OpMakeMut, CloneDrops: true},
	} {
		assert.False(t, expressible(s), "%+v has no Rust counterpart in rcdiff: it is left out", s)
	}
}

func TestRustcAtLeast(t *testing.T) {
	assert.True(t, rustcAtLeast("rustc 1.95.0 (59807616e 2026-04-14)", 1, 84))
	assert.True(t, rustcAtLeast("rustc 1.84.0", 1, 84))
	assert.True(t, rustcAtLeast("rustc 2.0.0", 1, 84))
	assert.False(t, rustcAtLeast("rustc 1.75.0 (82e1608df 2023-12-21) (built from a source tarball)", 1, 84),
		"Ubuntu 24.04's rustc leaks the allocation when a destructor panics")
	assert.False(t, rustcAtLeast("rustc", 1, 84))
	assert.False(t, rustcAtLeast("rustc one.two", 1, 84))
}

// fakeProbe claims to reach rc's counts but cannot: the explorer offers it
// the overflow probe, which Rust cannot take, and the probe fails.
type fakeProbe struct{ Rc }

func (fakeProbe) RawCounts(model.Strong) (strong, weak int) { return 0, 0 }
func (fakeProbe) SetRawCounts(model.Strong, int, int)       {}

func TestAViolationInALeftOutSequenceIsStillReported(t *testing.T) {
	bin := requireRcdiff(t)
	run, div, err := CompareExplored(bin, RustFamily{Name: "rc", Rust: "rc", Impl: fakeProbe{}}, 3)
	require.NoError(t, err)
	assert.Positive(t, run.LeftOut, "the sequences with the overflow probe are left out")
	require.NotNil(t, div, "the explorer's own violation, in a sequence left out, must not be lost")
	require.NotNil(t, div.Violation)
	assert.Contains(t, div.Violation.String(), "count at its maximum")
}
