package arc_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/arc"
	"github.com/rcbook/rcbook/invariants"
)

// Arc is an io.Closer: Close is Drop that returns the cleanup's error.
var _ io.Closer = (*arc.Arc[*os.File])(nil)

var errFlush = errors.New("flush failed: disk full")

// closer counts its Close calls, from any goroutine, and returns err.
type closer struct {
	closes atomic.Int32
	err    error
}

func (c *closer) Close() error { c.closes.Add(1); return c.err }

// The "done when" for arc: a real *os.File, two owners, and the last
// Close returns the file's own Close error.
func TestTheLastCloseReturnsTheFilesCloseError(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "shared.log"))
	require.NoError(t, err, "the test needs a file to share")
	require.NoError(t, f.Close(), "closing the file behind arc's back, so that its next Close fails")
	want := f.Close()

	a := arc.NewCloser(f)
	b := a.Clone()
	require.NoError(t, a.Close(), "a was not the last owner: its Close runs no cleanup")
	err = b.Close()
	require.ErrorIs(t, err, os.ErrClosed, "b was the last owner: its Close returns the file's Close error")
	assert.Equal(t, want.Error(), err.Error(), "the error is the file's own, unwrapped")
}

// Owners on many goroutines: exactly one Close, the last, returns the
// error; the cleanup runs once, and the allocation is freed.
func TestOnlyTheLastOfManyConcurrentClosesReturnsTheError(t *testing.T) {
	before := arc.LiveAllocations()
	c := &closer{err: errFlush}
	first := arc.NewCloser(c)
	const owners = 16
	handles := make([]arc.Arc[*closer], owners)
	for i := range handles {
		handles[i] = first.Clone()
	}
	var failed atomic.Int32
	var wg sync.WaitGroup
	for i := range handles {
		wg.Go(func() {
			if err := handles[i].Close(); err != nil {
				assert.ErrorIs(t, err, errFlush, "the only error a Close can return is the cleanup's")
				failed.Add(1)
			}
		})
	}
	wg.Go(func() {
		if err := first.Close(); err != nil {
			failed.Add(1)
		}
	})
	wg.Wait()
	require.Equal(t, int32(1), failed.Load(), "exactly one goroutine dropped the last handle and got the error")
	require.Equal(t, int32(1), c.closes.Load(), "the cleanup ran exactly once")
	require.Equal(t, before, arc.LiveAllocations(), "the last Close freed the allocation (I5)")
}

// The last Drop cannot return the error: it completes the drop, then
// panics with an *invariants.CleanupError naming arc.
func TestTheLastDropPanicsWithTheCleanupsError(t *testing.T) {
	before := arc.LiveAllocations()
	c := &closer{err: errFlush}
	a := arc.NewCloser(c)
	w := arc.Downgrade(&a)
	var p any
	func() {
		defer func() { p = recover() }()
		a.Drop()
	}()
	var ce *invariants.CleanupError
	require.ErrorAs(t, p.(error), &ce, "the last Drop must panic with *invariants.CleanupError")
	assert.ErrorIs(t, ce, errFlush, "it wraps the cleanup's error")
	assert.Equal(t, "arc: Drop: cleanup failed: flush failed: disk full (Close returns this error instead of panicking)",
		ce.Error(), "the message names package arc and what to call instead")
	_, ok := w.Upgrade()
	assert.False(t, ok, "the value was dropped before the panic: no Upgrade (I7)")
	w.Drop()
	require.Equal(t, before, arc.LiveAllocations(), "the drop completed: the last Weak freed the allocation (I5)")
}

// Close refuses what Drop refuses, under its own name, and returns nil for
// cleanups that cannot fail.
func TestCloseRefusesMisuseAndIsNilWithoutAFallibleCleanup(t *testing.T) {
	a := arc.New(1)
	require.NoError(t, a.Close(), "a value with no cleanup closes without error")
	require.PanicsWithError(t, "arc: Close: handle already dropped", func() { _ = a.Close() },
		"Close on a closed handle is a double drop")
	ran := 0
	b := arc.NewWithCleanup(1, func(int) { ran++ })
	require.NoError(t, b.Close(), "NewWithCleanup's cleanup has no error to return")
	require.Equal(t, 1, ran, "Close ran the cleanup")
	var f *os.File
	n := arc.NewCloser(f)
	require.NoError(t, n.Close(), "a nil *os.File owns nothing and is not closed")
}
