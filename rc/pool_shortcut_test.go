package rc_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

// The last Drop of a plain pooled value (no cleanup, no Drop method, no
// reset hook) takes a shortcut when no Weak remains: it frees the header
// and gives it back to the pool in one step (pool.go, dropToPool). The
// model-based tests never take it, since the model's values have a
// destructor (it is how they check the drop order), so this property
// checks the shortcut against counts kept by hand: strong and weak per
// allocation, which allocations are live, and what the pool holds.

// plainAlloc is the hand-kept state of one allocation.
type plainAlloc struct {
	strong, weak int  // weak: the Weak handles, without the implicit one
	cleanup      bool // made by NewWithCleanup, whose cleanup must run once, at the last Drop
}

// plainPoolMachine drives ints from a pool of two headers.
type plainPoolMachine struct {
	p       *rc.Pool[int]
	strongs []rc.Rc[int]
	sAlloc  []int // strongs[i] is a handle to allocation sAlloc[i]
	weaks   []rc.Weak[int]
	wAlloc  []int
	allocs  []*plainAlloc
	kept    int         // headers the pool should hold
	ran     map[int]int // cleanup runs, by allocation
	base    int         // rctest.Live before the run: the other tests' allocations
	short   int         // last Drops that took the shortcut
}

func (m *plainPoolMachine) freed(a *plainAlloc) bool { return a.strong == 0 && a.weak == 0 }

// free is what freeing an allocation does to the pool: it keeps the header
// if it has room.
func (m *plainPoolMachine) free() { m.kept = min(m.kept+1, m.p.MaxSize()) }

func (m *plainPoolMachine) check(t *rapid.T) {
	live := 0
	for _, a := range m.allocs {
		if !m.freed(a) {
			live++
		}
	}
	require.Equal(t, live, m.p.Live(), "the pool counts every allocation it handed out until it is freed")
	require.Equal(t, live, rctest.Live(m.p)-m.base,
		"LiveAllocations counts them too in checked builds, and the pool alone with -tags rcrelease")
	require.Equal(t, m.kept, m.p.Size(), "a freed header returns to the pool while it has room")
	for i, a := range m.allocs {
		want := 0
		if a.cleanup && a.strong == 0 {
			want = 1
		}
		require.Equal(t, want, m.ran[i], "allocation %d's cleanup runs once, when its last strong handle drops", i)
	}
	for i := range m.strongs {
		a := m.allocs[m.sAlloc[i]]
		require.Equal(t, a.strong, m.strongs[i].StrongCount(), "strong count of allocation %d", m.sAlloc[i])
		require.Equal(t, a.weak, m.strongs[i].WeakCount(), "weak count of allocation %d", m.sAlloc[i])
		require.Equal(t, m.sAlloc[i], *m.strongs[i].Get(),
			"a handle reads its own allocation's value, whatever header the pool reused")
	}
	for i := range m.weaks {
		a := m.allocs[m.wAlloc[i]]
		require.Equal(t, a.strong, m.weaks[i].StrongCount(), "a Weak sees the strong count of allocation %d", m.wAlloc[i])
	}
}

func (m *plainPoolMachine) actions() map[string]func(*rapid.T) {
	pick := func(t *rapid.T, n int, label string) int { return rapid.IntRange(0, n-1).Draw(t, label) }
	return map[string]func(*rapid.T){
		"new": func(t *rapid.T) {
			m.strongs = append(m.strongs, m.p.New(len(m.allocs)))
			m.sAlloc = append(m.sAlloc, len(m.allocs))
			m.allocs = append(m.allocs, &plainAlloc{strong: 1})
			m.kept = max(m.kept-1, 0)
		},
		"newWithCleanup": func(t *rapid.T) {
			m.strongs = append(m.strongs, m.p.NewWithCleanup(len(m.allocs), func(id int) { m.ran[id]++ }))
			m.sAlloc = append(m.sAlloc, len(m.allocs))
			m.allocs = append(m.allocs, &plainAlloc{strong: 1, cleanup: true})
			m.kept = max(m.kept-1, 0)
		},
		"clone": func(t *rapid.T) {
			if len(m.strongs) == 0 {
				t.Skip("no strong handle")
			}
			i := pick(t, len(m.strongs), "strong")
			m.strongs = append(m.strongs, m.strongs[i].Clone())
			m.sAlloc = append(m.sAlloc, m.sAlloc[i])
			m.allocs[m.sAlloc[i]].strong++
		},
		"drop": func(t *rapid.T) {
			if len(m.strongs) == 0 {
				t.Skip("no strong handle")
			}
			i := pick(t, len(m.strongs), "strong")
			a := m.allocs[m.sAlloc[i]]
			short := a.strong == 1 && a.weak == 0 && !a.cleanup && !rc.Traced
			require.Equal(t, short, rc.ReturnsAtOnce(&m.strongs[i]),
				"the shortcut is for the last strong handle of a value with no cleanup and no Weak, and only for it")
			if short {
				m.short++
			}
			m.strongs[i].Drop()
			m.strongs = append(m.strongs[:i], m.strongs[i+1:]...)
			m.sAlloc = append(m.sAlloc[:i], m.sAlloc[i+1:]...)
			a.strong--
			if m.freed(a) {
				m.free()
			}
		},
		"downgrade": func(t *rapid.T) {
			if len(m.strongs) == 0 {
				t.Skip("no strong handle")
			}
			i := pick(t, len(m.strongs), "strong")
			m.weaks = append(m.weaks, rc.Downgrade(&m.strongs[i]))
			m.wAlloc = append(m.wAlloc, m.sAlloc[i])
			m.allocs[m.sAlloc[i]].weak++
		},
		"upgrade": func(t *rapid.T) {
			if len(m.weaks) == 0 {
				t.Skip("no Weak")
			}
			i := pick(t, len(m.weaks), "weak")
			a := m.allocs[m.wAlloc[i]]
			r, ok := m.weaks[i].Upgrade()
			require.Equal(t, a.strong > 0, ok, "Upgrade succeeds exactly while the value is alive")
			if ok {
				m.strongs = append(m.strongs, r.Move())
				m.sAlloc = append(m.sAlloc, m.wAlloc[i])
				a.strong++
			}
		},
		"weakDrop": func(t *rapid.T) {
			if len(m.weaks) == 0 {
				t.Skip("no Weak")
			}
			i := pick(t, len(m.weaks), "weak")
			a := m.allocs[m.wAlloc[i]]
			m.weaks[i].Drop()
			m.weaks = append(m.weaks[:i], m.weaks[i+1:]...)
			m.wAlloc = append(m.wAlloc[:i], m.wAlloc[i+1:]...)
			a.weak--
			if m.freed(a) {
				m.free()
			}
		},
		"": m.check,
	}
}

// TestPlainPooledValuesFollowTheRules runs random sequences of New,
// NewWithCleanup, Clone, Drop, Downgrade, Upgrade and Weak.Drop on ints
// from a pool, so that every last Drop of a value without a cleanup or a
// Weak takes the shortcut, and compares every count, every Upgrade, every
// cleanup run and the pool's Size and Live with the hand-kept state after
// each step. A shortcut taken where it must not be would show here: a
// header freed under a Weak puts that Weak's counts, or the pool's, wrong,
// and a value whose cleanup was skipped shows in the cleanup runs.
func TestPlainPooledValuesFollowTheRules(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	shortcuts := 0
	rapid.Check(t, func(t *rapid.T) {
		m := &plainPoolMachine{p: rc.NewPool[int](2, nil), ran: map[int]int{}, base: rctest.Live()}
		t.Repeat(m.actions())
		for i := range m.strongs {
			m.strongs[i].Drop()
		}
		for i := range m.weaks {
			m.weaks[i].Drop()
		}
		require.Zero(t, m.p.Live(), "once every handle is dropped, no allocation of the pool is live")
		shortcuts += m.short
	})
	if !rc.Traced {
		require.Positive(t, shortcuts, "the runs must have taken the shortcut, or they did not test it")
	}
}
