//go:build rctrace

package arc_test

import (
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/arc"
	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rctest"
)

// The traced build (-tags rctrace), as for package rc: misuse errors say
// where the handle was emptied and where the allocation was freed, and
// keep its last events, whichever goroutine caused them.

// lineAbove returns "file:line" of the line above its caller's.
func lineAbove() string {
	_, file, n, _ := runtime.Caller(1)
	return file + ":" + strconv.Itoa(n-1)
}

// refusal runs f and returns the *invariants.Error it panics with.
func refusal(t *testing.T, f func()) (err *invariants.Error) {
	t.Helper()
	defer func() {
		v := recover()
		e, ok := v.(error)
		require.True(t, ok && errors.As(e, &err), "the misuse must panic with *invariants.Error, got %v", v)
	}()
	f()
	return nil
}

func TestTraceDoubleDropNamesTheFirstDrop(t *testing.T) {
	a := arc.New(1)
	a.Drop()
	first := lineAbove()
	msg := refusal(t, func() { a.Drop() }).Error()
	assert.True(t, strings.HasPrefix(msg, "arc: Drop: handle already dropped\n"), "the message starts as in every build:\n%s", msg)
	assert.Contains(t, msg, "this handle was dropped by arc.(*Arc).Drop at "+first+" ",
		"a double Drop names the line of the first Drop")
	assert.Contains(t, msg, "the allocation was freed by arc.(*Arc).Drop at "+first+" ",
		"and where the allocation was freed")
}

func TestTraceDoubleDropOfASharedHandleNamesTheFirstDrop(t *testing.T) {
	a := arc.New(1)
	defer a.Drop()
	b := a.Clone()
	b.Drop()
	first := lineAbove()
	msg := refusal(t, func() { b.Drop() }).Error()
	assert.Contains(t, msg, "this handle was dropped by arc.(*Arc).Drop at "+first+" ",
		"the fast path of Drop (not the last owner) records the handle too")
	assert.NotContains(t, msg, "was freed", "a is still alive: nothing was freed")
}

func TestTraceStaleCopyNamesTheFreeOnAnotherGoroutine(t *testing.T) {
	a := arc.New(1)
	stale := rctest.UncountedCopy(&a)
	var wg sync.WaitGroup
	var freed string
	wg.Go(func() {
		a.Drop()
		freed = lineAbove()
	})
	wg.Wait()
	err := refusal(t, func() { stale.Get() })
	assert.Equal(t, invariants.I5, err.Rule(), "a stale copy used after the free is a use after free")
	assert.Contains(t, err.Error(), "the allocation was freed by arc.(*Arc).Drop at "+freed+" ",
		"the error names the Drop that freed the allocation, on the goroutine that ran it")
}

func TestTraceWeakDoubleDropNamesTheFirstDrop(t *testing.T) {
	a := arc.New(1)
	defer a.Drop()
	w := arc.Downgrade(&a)
	w.Drop()
	first := lineAbove()
	msg := refusal(t, func() { w.Drop() }).Error()
	assert.Contains(t, msg, "this handle was dropped by arc.(*Weak).Drop at "+first+" ")
}

func TestTraceRecordsUpgradeAndDowngrade(t *testing.T) {
	a := arc.New(1)
	w := arc.Downgrade(&a)
	down := lineAbove()
	u, ok := w.Upgrade()
	up := lineAbove()
	require.True(t, ok)
	u.Drop()
	w.Drop()
	a.Drop()
	msg := refusal(t, func() { a.Drop() }).Error()
	assert.Contains(t, msg, fmt.Sprintf("%-26s strong=1 weak=2 alive    at %s ", "arc.Downgrade", down),
		"Downgrade leaves its one-CAS fast path under rctrace, so that its change is recorded")
	assert.Contains(t, msg, fmt.Sprintf("%-26s strong=2 weak=2 alive    at %s ", "arc.(*Weak).Upgrade", up),
		"and so does Upgrade")
}
