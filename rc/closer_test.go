package rc_test

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

// Rc is an io.Closer: Close is Drop that returns the cleanup's error.
var _ io.Closer = (*rc.Rc[*os.File])(nil)

// errFlush is the error a failing closer returns.
var errFlush = errors.New("flush failed: disk full")

// closer counts its Close calls and returns err from each.
type closer struct {
	closes int
	err    error
}

func (c *closer) Close() error { c.closes++; return c.err }

// openTemp returns a new file in the test's temporary directory.
func openTemp(t *testing.T) *os.File {
	t.Helper()
	f, err := os.Create(filepath.Join(t.TempDir(), "shared.log"))
	require.NoError(t, err, "the test needs a file to share")
	return f
}

// The "done when", exactly: a real *os.File, two owners, and the
// last Close returns the file's own Close error.
func TestTheLastCloseReturnsTheFilesCloseError(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	f := openTemp(t)
	require.NoError(t, f.Close(), "closing the file behind rc's back, so that its next Close fails")
	want := f.Close() // what *os.File.Close says when it fails: file already closed

	r := rc.NewCloser(f)
	s := r.Clone()
	require.NoError(t, r.Close(), "r was not the last owner: its Close runs no cleanup, so it has no error")
	err := s.Close()
	require.Error(t, err, "s was the last owner: its Close ran f.Close, which failed, and must say so")
	assert.Equal(t, want.Error(), err.Error(), "Close must return the file's Close error itself, unwrapped")
	assert.ErrorIs(t, err, os.ErrClosed, "the error is the file's: errors.Is sees os.ErrClosed")
	var pathErr *fs.PathError
	assert.ErrorAs(t, err, &pathErr, "the error is the *fs.PathError that *os.File.Close returns")
	assert.True(t, r.IsEmpty() && s.IsEmpty(), "Close leaves each handle empty, as Drop does")
}

// A file that closes cleanly: the non-last Close leaves it open and usable,
// the last closes it, and neither reports an error.
func TestCloseClosesTheFileOnlyAtTheLastOwner(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	f := openTemp(t)
	r := rc.NewCloser(f)
	s := r.Clone()
	require.NoError(t, r.Close(), "not the last owner: nothing to close, no error")
	_, err := (*s.Get()).WriteString("still open\n")
	require.NoError(t, err, "one owner remains, so the file must still be open for writing")
	require.NoError(t, s.Close(), "the last owner closes the file, and a clean close has no error")
	_, err = f.WriteString("after the last owner")
	require.ErrorIs(t, err, os.ErrClosed, "the last Close must have closed the file")
}

// A plain Drop cannot return the error, and must not lose it: the last Drop
// completes the drop, then panics with an *invariants.CleanupError.
func TestTheLastDropPanicsWithTheCleanupsError(t *testing.T) {
	before := rc.LiveAllocations()
	c := &closer{err: errFlush}
	r := rc.NewCloser(c)
	w := rc.Downgrade(&r)
	s := r.Clone()
	require.NotPanics(t, r.Drop, "a Drop that is not the last runs no cleanup, so it cannot fail")
	require.Zero(t, c.closes, "one owner remains: the value must not be closed yet")

	var p any
	func() {
		defer func() { p = recover() }()
		s.Drop()
	}()
	var ce *invariants.CleanupError
	require.ErrorAs(t, p.(error), &ce, "the last Drop must panic with *invariants.CleanupError, not lose the error")
	assert.ErrorIs(t, ce, errFlush, "the CleanupError wraps what Close returned")
	assert.Equal(t, "rc: Drop: cleanup failed: flush failed: disk full (Close returns this error instead of panicking)",
		ce.Error(), "the message names the package, the operation and what to call instead")
	assert.Equal(t, 1, c.closes, "the cleanup ran exactly once")

	// The drop completed before the panic (I2, I4, I5).
	assert.True(t, s.IsEmpty(), "the panicking Drop still emptied its handle")
	_, ok := w.Upgrade()
	assert.False(t, ok, "the value was dropped: a Weak must not upgrade (I7)")
	assert.Equal(t, 0, w.StrongCount(), "strong is 0 after the last drop, panic or not (I2)")
	rctest.RequireLive(t, before, 1, "the Weak keeps the allocation, the implicit weak was released (I4)")
	w.Drop()
	rctest.RequireLive(t, before, 0, "the last Weak frees the allocation (I5)")
}

// Close on a value whose cleanup cannot fail, or has none, returns nil.
func TestCloseWithoutAFallibleCleanupReturnsNil(t *testing.T) {
	var log rctest.Journal
	r := rc.NewWithCleanup(rctest.Resource{Name: "a", Log: &log}, recordCleanup(&log))
	require.NoError(t, r.Close(), "NewWithCleanup's cleanup has no error to return")
	require.Equal(t, rctest.Journal{"cleanup a", "drop a"}, log, "Close runs the same destructor as Drop, in order")
	n := rc.New(1)
	require.NoError(t, n.Close(), "a value with no cleanup closes without error")
}

// After a failing cleanup the value's own Drop method still runs, as after
// a panicking cleanup.
func TestAFailingCleanupStillDropsTheValue(t *testing.T) {
	var log rctest.Journal
	r := rc.NewWithCleanupErr(rctest.Resource{Name: "a", Log: &log}, func(res rctest.Resource) error {
		log.Record("cleanup " + res.Name)
		return errFlush
	})
	require.ErrorIs(t, r.Close(), errFlush, "the cleanup's error comes back from Close")
	require.Equal(t, rctest.Journal{"cleanup a", "drop a"}, log, "the value's Drop runs after its failing cleanup")
}

// A nil closer owns nothing: it is not closed, so (*os.File)(nil).Close's
// ErrInvalid does not come back.
func TestANilCloserIsNotClosed(t *testing.T) {
	var f *os.File
	r := rc.NewCloser(f)
	require.NoError(t, r.Close(), "a nil *os.File is not closed, as a nil Dropper is not asked")
	var i io.Closer
	n := rc.NewCloser(i)
	require.NoError(t, n.Close(), "a nil io.Closer is not called: that would be a nil dereference")
}

// A cleanup that drops a handle it owns, whose own cleanup fails, did not
// finish: Close returns the inner error rather than letting the panic out.
func TestCloseReturnsTheErrorOfANestedDrop(t *testing.T) {
	// The value holds the handle in a struct: a *rc.Rc itself has a Drop
	// method, which the destructor would call a second time.
	type owner struct{ inner *rc.Rc[*closer] }
	inner := rc.NewCloser(&closer{err: errFlush})
	outer := rc.NewWithCleanupErr(owner{&inner}, func(o owner) error {
		o.inner.Drop()
		return nil
	})
	require.ErrorIs(t, outer.Close(), errFlush, "the inner Drop's failure is why the outer cleanup failed")
	require.True(t, inner.IsEmpty(), "the outer cleanup dropped the inner handle")
}

// Close refuses what Drop refuses, under its own name; other panics of the
// destructor are not turned into errors.
func TestCloseRefusesMisuseAndPassesOtherPanicsOn(t *testing.T) {
	r := rc.New(1)
	r.Drop()
	require.PanicsWithError(t, "rc: Close: handle already dropped", func() { _ = r.Close() },
		"Close on a dropped handle is a double drop")
	var zero rc.Rc[int]
	require.PanicsWithError(t, "rc: Close: empty handle (the zero value owns nothing)", func() { _ = zero.Close() },
		"the zero Rc owns nothing to close")

	boom := rc.NewWithCleanup(1, func(int) { panic("boom") })
	require.PanicsWithValue(t, "boom", func() { _ = boom.Close() },
		"a cleanup that panics is not a cleanup that failed: Close lets the panic through")
	require.True(t, boom.IsEmpty(), "the drop completed before the panic went on")
}

// Property: however owners are cloned and given up, with Close or Drop,
// the cleanup runs exactly once, at the last owner, whose Close returns its
// error; every other Close returns nil, and nothing leaks.
func TestCloseReturnsTheErrorExactlyOnceAtTheLastOwner(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		before := rc.LiveAllocations()
		c := &closer{err: errFlush}
		owners := []rc.Rc[*closer]{rc.NewCloser(c)}
		extra := rapid.IntRange(0, 8).Draw(t, "clones")
		for range extra {
			from := rapid.IntRange(0, len(owners)-1).Draw(t, "from")
			owners = append(owners, owners[from].Clone())
		}
		order := rapid.Permutation(indexes(len(owners))).Draw(t, "order")
		for k, i := range order {
			last := k == len(order)-1
			if !last && rapid.Bool().Draw(t, "drop") {
				owners[i].Drop() // not the last: a Drop cannot fail
				continue
			}
			err := owners[i].Close()
			if last {
				require.ErrorIs(t, err, errFlush, "the last owner's Close returns the cleanup's error")
			} else {
				require.NoError(t, err, "owner %d of %d is not the last: its Close has nothing to report", k+1, len(order))
				require.Zero(t, c.closes, "owners remain: the value must not be closed yet")
			}
		}
		require.Equal(t, 1, c.closes, "the cleanup runs exactly once, at the last owner")
		require.Equal(t, before, rc.LiveAllocations(), "the last Close freed the allocation (I5)")
	})
}

func indexes(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}
