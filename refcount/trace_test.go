//go:build rctrace

package refcount_test

import (
	"context"
	"errors"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/refcount"
)

// Built with -tags rctrace, releasing a handle twice says where it was
// released the first time.

// lineAbove returns "file:line" of the line above its caller's.
func lineAbove() string {
	_, file, n, _ := runtime.Caller(1)
	return file + ":" + strconv.Itoa(n-1)
}

// refusal runs f and returns the *refcount.Error it panics with.
func refusal(t *testing.T, f func()) (err *refcount.Error) {
	t.Helper()
	defer func() {
		v := recover()
		e, ok := v.(error)
		require.True(t, ok && errors.As(e, &err), "the misuse must panic with *refcount.Error, got %v", v)
	}()
	f()
	return nil
}

func TestTraceDoubleReleaseNamesTheFirstRelease(t *testing.T) {
	var c refcount.RefCount
	r, err := c.Acquire(context.Background())
	require.NoError(t, err)
	r.Release()
	first := lineAbove()
	msg := refusal(t, func() { r.Release() }).Error()
	assert.True(t, strings.HasPrefix(msg, "refcount: Release: reference already released\n"), "the message starts as in every build:\n%s", msg)
	assert.Contains(t, msg, "this handle was released by refcount.(*Ref).Release at "+first+" ",
		"a double Release names the line of the first one")
	assert.Equal(t, 0, c.Count(), "the refused Release changed nothing")
}

func TestTraceDoubleExclusiveReleaseNamesTheFirstRelease(t *testing.T) {
	var c refcount.RefCount
	e, ok := c.TryAcquireExclusive()
	require.True(t, ok)
	e.Release()
	first := lineAbove()
	msg := refusal(t, func() { e.Release() }).Error()
	assert.Contains(t, msg, "this handle was released by refcount.(*ExclusiveRef).Release at "+first+" ")
}

func TestTraceZeroRefSaysItNeverHeldAnything(t *testing.T) {
	var r refcount.Ref
	msg := refusal(t, func() { r.Release() }).Error()
	assert.Equal(t, "refcount: Release: empty reference: the zero value holds nothing (did a Try fail?)", msg,
		"a zero Ref was never released: there is no record to quote")
}
