package cell_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/cell"
	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rc"
)

// refusal runs f, which must panic with an *invariants.Error, and returns
// it.
func refusal(t *testing.T, f func()) *invariants.Error {
	t.Helper()
	var err *invariants.Error
	func() {
		defer func() {
			p := recover()
			e, ok := p.(error)
			require.True(t, ok && errors.As(e, &err), "a refused borrow panics with *invariants.Error, got %v", p)
		}()
		f()
	}()
	return err
}

func TestManySharedBorrowsMayLiveTogether(t *testing.T) {
	c := cell.New(7)
	a, b := c.Borrow(), c.Borrow()
	shared, mutably := c.Borrows()
	assert.Equal(t, 2, shared, "each Borrow counts in the flag")
	assert.False(t, mutably)
	assert.Equal(t, 7, *a.Get())
	assert.Same(t, a.Get(), b.Get(), "shared borrows read the one value, not copies")
	a.Release()
	b.Release()
	shared, _ = c.Borrows()
	assert.Zero(t, shared, "every Release gives its borrow back")
}

func TestAMutableBorrowExcludesEveryOther(t *testing.T) {
	c := cell.New(1)
	m := c.BorrowMut()
	*m.Get() = 2
	err := refusal(t, func() { c.Borrow() })
	assert.Equal(t, "cell: Borrow: already mutably borrowed: a RefMut is live (B1)", err.Error())
	assert.Equal(t, invariants.B1, err.Rule())
	err = refusal(t, func() { c.BorrowMut() })
	assert.Equal(t, invariants.B1, err.Rule(), "a second mutable borrow breaks shared xor mutable")
	_, ok := c.TryBorrow()
	assert.False(t, ok, "TryBorrow refuses without panicking")
	_, ok = c.TryBorrowMut()
	assert.False(t, ok)
	shared, mutably := c.Borrows()
	assert.Equal(t, [2]any{0, true}, [2]any{shared, mutably}, "the refusals changed nothing")
	m.Release()
	r := c.Borrow()
	assert.Equal(t, 2, *r.Get(), "the write through the RefMut is what the next reader sees")
	r.Release()
}

func TestASharedBorrowExcludesAMutableOne(t *testing.T) {
	c := cell.New("x")
	r := c.Borrow()
	err := refusal(t, func() { c.BorrowMut() })
	assert.Equal(t, "cell: BorrowMut: already borrowed: 1 shared borrow is live (B1)", err.Error())
	err = refusal(t, func() { c.Replace("y") })
	assert.Equal(t, "cell: Replace: already borrowed: 1 shared borrow is live (B1)", err.Error(),
		"Replace writes, so it needs the value to itself too")
	r2 := c.Borrow()
	err = refusal(t, func() { c.BorrowMut() })
	assert.Contains(t, err.Error(), "2 shared borrows are live")
	r.Release()
	r2.Release()
	assert.Equal(t, "x", c.Replace("y"), "with no borrow live, Replace swaps and returns the old value")
}

func TestAGuardIsReleasedExactlyOnce(t *testing.T) {
	c := cell.New(0)
	r := c.Borrow()
	r.Release()
	err := refusal(t, r.Release)
	assert.Equal(t, "cell: Ref.Release: borrow already released (B2)", err.Error())
	err = refusal(t, func() { r.Get() })
	assert.Equal(t, "cell: Ref.Get: borrow already released (B2)", err.Error())
	m := c.BorrowMut()
	m.Release()
	err = refusal(t, m.Release)
	assert.Equal(t, "cell: RefMut.Release: borrow already released (B2)", err.Error())
	shared, mutably := c.Borrows()
	assert.Equal(t, [2]any{0, false}, [2]any{shared, mutably}, "a refused release gives nothing back twice")
}

func TestZeroValues(t *testing.T) {
	var c cell.RefCell[[]int]
	shared, mutably := c.Borrows()
	assert.Equal(t, [2]any{0, false}, [2]any{shared, mutably}, "the zero RefCell is not borrowed")
	m := c.BorrowMut()
	*m.Get() = append(*m.Get(), 1)
	m.Release()

	var r cell.Ref[int]
	err := refusal(t, r.Release)
	assert.Equal(t, "cell: Ref.Release: zero guard: it never held a borrow (a refused TryBorrow returns one) (B2)", err.Error())
	var g cell.RefMut[int]
	assert.Equal(t, invariants.B2, refusal(t, func() { g.Get() }).Rule())
}

// dropped is a value with a destructor, to see that a RefCell passes the
// drop on.
type dropped struct{ log *[]string }

func (d *dropped) Drop() { *d.log = append(*d.log, "value dropped") }

func TestDroppingTheCellDropsItsValue(t *testing.T) {
	var log []string
	r := rc.New(cell.New(dropped{&log}))
	r.Drop()
	assert.Equal(t, []string{"value dropped"}, log, "the last Drop of an Rc[RefCell[T]] runs T's destructor, as Rust drops a RefCell's contents")

	c := cell.New(dropped{&log})
	g := c.Borrow()
	err := refusal(t, c.Drop)
	assert.Equal(t, "cell: Drop: dropped while borrowed: a guard outlived the value (B2)", err.Error())
	g.Release()
}

// A guard that outlives its cell's value (the last Rc was dropped while
// the guard was live) is refused, not counted into a zeroed flag.
func TestAGuardThatOutlivedItsCellIsRefused(t *testing.T) {
	r := rc.New(cell.New(1))
	g := r.Get().Borrow()
	err := refusal(t, r.Drop)
	assert.Equal(t, invariants.B2, err.Rule(), "dropping the value while a borrow is live breaks B2")
	err = refusal(t, g.Release)
	assert.Equal(t, "cell: Ref.Release: the cell no longer counts this borrow: it was dropped while the borrow was live (B2)", err.Error(),
		"the guard must not count itself out of a flag that no longer holds it")
}
