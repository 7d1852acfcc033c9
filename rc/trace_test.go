//go:build rctrace

package rc_test

import (
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
	"github.com/rcbook/rcbook/weak"
)

// The traced build (-tags rctrace): misuse errors say where the handle was
// emptied and where the allocation was freed, and keep its last events.

// line returns "file:line" of its caller.
func line() string {
	_, file, n, _ := runtime.Caller(1)
	return fmt.Sprintf("%s:%d", file, n)
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
	r := rc.New(1)
	r.Drop()
	first := lineBefore(line())
	err := refusal(t, func() { r.Drop() })
	msg := err.Error()
	assert.True(t, strings.HasPrefix(msg, "rc: Drop: handle already dropped\n"), "the message starts as in every build:\n%s", msg)
	assert.Contains(t, msg, "this handle was dropped by rc.(*Rc).Drop at "+first+" ",
		"a double Drop names the line of the first Drop")
	assert.Contains(t, msg, "the allocation was freed by rc.(*Rc).Drop at "+first+" ",
		"and where the allocation was freed: the first Drop was the last owner")
}

func TestTraceUseAfterMoveNamesTheMove(t *testing.T) {
	r := rc.New(1)
	s := r.Move()
	moved := lineBefore(line())
	defer s.Drop()
	err := refusal(t, func() { r.Clone() })
	assert.Contains(t, err.Error(), "rc: Clone: handle was moved out", "the message of every build")
	assert.Contains(t, err.Error(), "this handle was moved out by rc.(*Rc).Move at "+moved+" ", "and where it was moved")
	assert.NotContains(t, err.Error(), "was freed", "Move frees nothing: the allocation lives on in s")
}

func TestTraceStaleCopyNamesTheFree(t *testing.T) {
	r := rc.New(1)
	stale := rctest.UncountedCopy(&r)
	r.Drop()
	freed := lineBefore(line())
	err := refusal(t, func() { stale.Get() })
	assert.Equal(t, invariants.I5, err.Rule(), "a stale copy used after the free is a use after free")
	assert.Contains(t, err.Error(), "the allocation was freed by rc.(*Rc).Drop at "+freed+" ",
		"the error names the Drop that freed the allocation the stale copy still points at")
}

func TestTraceWeakDoubleDropNamesTheFirstDrop(t *testing.T) {
	r := rc.New(1)
	defer r.Drop()
	w := weak.Downgrade(&r)
	w.Drop()
	first := lineBefore(line())
	err := refusal(t, func() { w.Drop() })
	assert.Contains(t, err.Error(), "this handle was dropped by rc.(*Weak).Drop at "+first+" ",
		"a Weak's double Drop names its first Drop")
}

func TestTraceHistoryKeepsTheLastEvents(t *testing.T) {
	r := rc.New(1)
	for range 40 {
		c := r.Clone()
		c.Drop()
	}
	cloned := lineBefore(lineBefore(lineBefore(line())))
	r.Drop()
	err := refusal(t, func() { r.Drop() })
	msg := err.Error()
	assert.Contains(t, msg, "its last 16 of 83 events, oldest first:",
		"New, 40 Clones, 40 Drops and the two steps of the last Drop (the value dropped, the allocation freed) are 83 events; 16 are kept")
	assert.Contains(t, msg, "the allocation was made by rc.New at ", "the first event is kept however old")
	assert.Contains(t, msg, "rc.(*Rc).Clone", "the kept events name the operation")
	assert.Contains(t, msg, "strong=2 weak=1 alive    at "+cloned+" ", "with the counts it left and the line that did it")
}

// lineBefore is the "file:line" one line above at.
func lineBefore(at string) string {
	i := strings.LastIndexByte(at, ':')
	n, err := strconv.Atoi(at[i+1:])
	if err != nil {
		panic(err)
	}
	return at[:i+1] + strconv.Itoa(n-1)
}
