package cell_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/rcbook/rcbook/cell"
	"github.com/rcbook/rcbook/invariants"
)

// borrowModel is what a RefCell must do, written as plainly as possible:
// how many shared borrows are live, whether the mutable one is, and the
// value.
type borrowModel struct {
	shared  int
	mutably bool
	value   int
}

// guard is one borrow the test holds: a Ref or a RefMut.
type guard struct {
	ref *cell.Ref[int]
	mut *cell.RefMut[int]
}

func (g guard) release() {
	if g.ref != nil {
		g.ref.Release()
	} else {
		g.mut.Release()
	}
}

// outcome is whether a step panicked, and the rule its refusal cited.
type outcome struct {
	panicked bool
	rule     invariants.ID
}

// refused is the outcome of a step refused for breaking rule.
func refused(rule invariants.ID) outcome { return outcome{true, rule} }

// rule returns the rule a panic of f cites, "" if f did not panic, and
// fails the run if f panicked with anything but an *invariants.Error.
func rule(t *rapid.T, f func()) (id invariants.ID, panicked bool) {
	defer func() {
		p := recover()
		if p == nil {
			return
		}
		var err *invariants.Error
		e, ok := p.(error)
		require.True(t, ok && errors.As(e, &err), "a refusal must be an *invariants.Error, got %v", p)
		id, panicked = err.Rule(), true
	}()
	f()
	return "", false
}

// TestBorrowsAgainstTheModel drives a RefCell through random borrows,
// releases, double releases and replacements, and compares it with the
// model after every step: a borrow the model refuses must panic citing B1
// and change nothing; a release of a released guard must cite B2.
func TestBorrowsAgainstTheModel(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := cell.New(0)
		var m borrowModel
		var live, released []guard
		t.Repeat(map[string]func(*rapid.T){
			"borrow": func(t *rapid.T) {
				var r cell.Ref[int]
				id, panicked := rule(t, func() { r = c.Borrow() })
				if m.mutably {
					require.Equal(t, refused(invariants.B1), outcome{panicked, id}, "Borrow while a RefMut is live must be refused citing B1")
					return
				}
				require.False(t, panicked, "Borrow with %d shared borrows and no RefMut must succeed", m.shared)
				m.shared++
				live = append(live, guard{ref: &r})
			},
			"borrowMut": func(t *rapid.T) {
				var g cell.RefMut[int]
				id, panicked := rule(t, func() { g = c.BorrowMut() })
				if m.mutably || m.shared > 0 {
					require.Equal(t, refused(invariants.B1), outcome{panicked, id}, "BorrowMut with %d shared and mutable=%v must be refused citing B1", m.shared, m.mutably)
					return
				}
				require.False(t, panicked, "BorrowMut with no borrow live must succeed")
				m.mutably = true
				live = append(live, guard{mut: &g})
			},
			"tryBorrow": func(t *rapid.T) {
				r, ok := c.TryBorrow()
				require.Equal(t, !m.mutably, ok, "TryBorrow must succeed exactly when no RefMut is live")
				if ok {
					m.shared++
					live = append(live, guard{ref: &r})
				}
			},
			"tryBorrowMut": func(t *rapid.T) {
				g, ok := c.TryBorrowMut()
				require.Equal(t, !m.mutably && m.shared == 0, ok, "TryBorrowMut must succeed exactly when no borrow is live")
				if ok {
					m.mutably = true
					live = append(live, guard{mut: &g})
				}
			},
			"write": func(t *rapid.T) {
				for _, g := range live {
					if g.mut != nil {
						m.value++
						*g.mut.Get() = m.value
						return
					}
				}
			},
			"release": func(t *rapid.T) {
				if len(live) == 0 {
					t.Skip("no borrow to release")
				}
				i := rapid.IntRange(0, len(live)-1).Draw(t, "guard")
				g := live[i]
				g.release()
				if g.mut != nil {
					m.mutably = false
				} else {
					m.shared--
				}
				live = append(live[:i], live[i+1:]...)
				released = append(released, g)
			},
			"releaseAgain": func(t *rapid.T) {
				if len(released) == 0 {
					t.Skip("no released guard")
				}
				g := released[rapid.IntRange(0, len(released)-1).Draw(t, "released")]
				id, panicked := rule(t, g.release)
				require.Equal(t, refused(invariants.B2), outcome{panicked, id}, "releasing a guard twice must be refused citing B2")
			},
			"replace": func(t *rapid.T) {
				var old int
				id, panicked := rule(t, func() { old = c.Replace(m.value + 1000) })
				if m.mutably || m.shared > 0 {
					require.Equal(t, refused(invariants.B1), outcome{panicked, id}, "Replace while a borrow is live must be refused citing B1")
					return
				}
				require.False(t, panicked, "Replace with no borrow live must succeed")
				require.Equal(t, m.value, old, "Replace returns the old value")
				m.value += 1000
			},
			"": func(t *rapid.T) {
				shared, mutably := c.Borrows()
				require.Equal(t, borrowModel{m.shared, m.mutably, 0}, borrowModel{shared, mutably, 0},
					"the flag must count exactly the live guards (B2)")
				for _, g := range live {
					var v int
					if g.ref != nil {
						v = *g.ref.Get()
					} else {
						v = *g.mut.Get()
					}
					require.Equal(t, m.value, v, "every live guard reads the one value")
				}
			},
		})
		for _, g := range live {
			g.release()
		}
		shared, mutably := c.Borrows()
		require.Equal(t, borrowModel{}, borrowModel{shared, mutably, 0}, "with every guard released the cell is not borrowed")
	})
}
