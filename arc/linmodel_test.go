package arc_test

import (
	"fmt"
	"testing"

	"github.com/anishathalye/porcupine"
	"github.com/stretchr/testify/assert"
)

// Linearizability: every concurrent history of operations on one
// allocation must be explainable as some sequential order of the same
// operations, each taking effect at one instant between its call and its
// return, in which every output matches what the sequential counts say.
// porcupine searches for such an order. The outputs are chosen to reveal
// the order: whether Upgrade and GetMut succeeded, which Drop was the last
// one, which IntoInner or TryUnwrap got the value, and every count read.

// linOp is one operation in a history.
type linOp uint8

const (
	linClone linOp = iota
	linDrop
	linIntoInner
	linTryUnwrap
	linDowngrade
	linUpgrade
	linWeakClone
	linWeakDrop
	linStrongCount
	linWeakCount
	linGetMut
	linWeakStrongCount
	linWeakWeakCount
	linOps
)

var linNames = [linOps]string{"Clone", "Drop", "IntoInner", "TryUnwrap", "Downgrade", "Upgrade",
	"Weak.Clone", "Weak.Drop", "StrongCount", "WeakCount", "GetMut", "Weak.StrongCount", "Weak.WeakCount"}

// linOut is what an operation returned: ok for Upgrade, GetMut, IntoInner
// and TryUnwrap, "this was the last strong handle" for Drop; n for counts.
type linOut struct {
	ok bool
	n  int
}

// counts is the sequential specification's whole state: the allocation's
// strong count and its number of Weak handles (the implicit weak is not a
// handle). Strong 0 means the value is gone for good.
type counts struct{ strong, weak int }

// countsModel is the sequential specification, starting from init.
func countsModel(init counts) porcupine.Model {
	return porcupine.Model{
		Init: func() any { return init },
		Step: func(state, input, output any) (bool, any) {
			s, op, out := state.(counts), input.(linOp), output.(linOut)
			ok := true
			switch op {
			case linClone:
				ok = s.strong > 0
				s.strong++
			case linDrop:
				ok = s.strong > 0 && out.ok == (s.strong == 1)
				s.strong--
			case linIntoInner:
				ok = s.strong > 0 && out.ok == (s.strong == 1)
				s.strong--
			case linTryUnwrap:
				ok = out.ok == (s.strong == 1)
				if out.ok {
					s.strong = 0
				}
			case linDowngrade:
				ok = s.strong > 0
				s.weak++
			case linUpgrade:
				ok = out.ok == (s.strong > 0) // never from 0 (I7)
				if out.ok {
					s.strong++
				}
			case linWeakClone:
				s.weak++
			case linWeakDrop:
				ok = s.weak > 0
				s.weak--
			case linStrongCount, linWeakStrongCount:
				ok = out.n == s.strong
			case linWeakCount:
				ok = out.n == s.weak
			case linWeakWeakCount:
				want := 0
				if s.strong > 0 {
					want = s.weak
				}
				ok = out.n == want
			case linGetMut:
				ok = out.ok == (s.strong == 1 && s.weak == 0) // I6
			}
			return ok, s
		},
		DescribeOperation: func(input, output any) string {
			out := output.(linOut)
			return fmt.Sprintf("%s -> ok=%v n=%d", linNames[input.(linOp)], out.ok, out.n)
		},
		DescribeState: func(state any) string {
			s := state.(counts)
			return fmt.Sprintf("strong=%d weak=%d", s.strong, s.weak)
		},
	}
}

// op builds one operation of a hand-written history.
func op(client int, o linOp, out linOut, call, ret int64) porcupine.Operation {
	return porcupine.Operation{ClientId: client, Input: o, Output: out, Call: call, Return: ret}
}

// TestTheCheckerRejectsImpossibleHistories shows that the check can fail:
// hand-written histories that no correct Arc could produce are rejected,
// and the same operations with overlapping intervals, where an order that
// explains them exists, are accepted.
func TestTheCheckerRejectsImpossibleHistories(t *testing.T) {
	yes, no := linOut{ok: true}, linOut{}
	cases := []struct {
		name         string
		init         counts
		history      []porcupine.Operation
		linearizable bool
	}{
		{"an Upgrade succeeds after the last Drop returned: a resurrection (I7)", counts{1, 1},
			[]porcupine.Operation{op(0, linDrop, yes, 1, 2), op(1, linUpgrade, yes, 3, 4)}, false},
		{"the same, overlapping: still impossible, one of them must come first", counts{1, 1},
			[]porcupine.Operation{op(0, linDrop, yes, 1, 4), op(1, linUpgrade, yes, 2, 3)}, false},
		{"overlapping, and the Drop was not the last: the Upgrade came first", counts{1, 1},
			[]porcupine.Operation{op(0, linDrop, no, 1, 4), op(1, linUpgrade, yes, 2, 3)}, true},
		{"a strong count goes back up with nothing in between", counts{2, 0},
			[]porcupine.Operation{op(0, linStrongCount, linOut{n: 2}, 1, 2), op(1, linStrongCount, linOut{n: 1}, 3, 4),
				op(0, linStrongCount, linOut{n: 2}, 5, 6)}, false},
		{"GetMut succeeds while a Weak exists (I6)", counts{1, 1},
			[]porcupine.Operation{op(0, linGetMut, yes, 1, 2), op(1, linWeakDrop, no, 3, 4)}, false},
		{"GetMut succeeds while that Weak is being dropped", counts{1, 1},
			[]porcupine.Operation{op(0, linGetMut, yes, 2, 3), op(1, linWeakDrop, no, 1, 4)}, true},
		{"two IntoInners both get the value", counts{2, 0},
			[]porcupine.Operation{op(0, linIntoInner, yes, 1, 3), op(1, linIntoInner, yes, 2, 4)}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := porcupine.CheckOperations(countsModel(c.init), c.history)
			assert.Equal(t, c.linearizable, got)
		})
	}
}
