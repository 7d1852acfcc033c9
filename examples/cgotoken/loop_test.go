//go:build cgo

package cgotoken_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/examples/cgotoken"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

// A Listener shared by Go and a C event loop. Go lets go first; C's unit
// keeps the Listener alive and receiving, until C forgets it too.
func Example() {
	l := rc.NewWithCleanup(&cgotoken.Listener{Name: "audit"}, func(l *cgotoken.Listener) {
		fmt.Println(l.Name, "closed after", l.Received)
	})
	cgotoken.Subscribe(&l)
	fmt.Println("owners (Go and C):", l.StrongCount())
	cgotoken.Publish("login")
	l.Drop() // Go's last handle: C's token still owns a unit
	cgotoken.Publish("logout")
	fmt.Println("C forgets its subscribers")
	cgotoken.Close() // C gives its unit back: the cleanup runs now
	// Output:
	// owners (Go and C): 2
	// C forgets its subscribers
	// audit closed after [login logout]
}

func TestCCallbacksBorrowWithoutTakingCsUnit(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	before := rc.LiveAllocations()
	closed := 0
	a := rc.NewWithCleanup(&cgotoken.Listener{Name: "a"}, func(*cgotoken.Listener) { closed++ })
	w := rc.Downgrade(&a)
	require.True(t, cgotoken.Subscribe(&a), "the loop has room")
	require.True(t, cgotoken.Subscribe(&a), "the same Listener may subscribe twice: the token carries two units")
	require.Equal(t, 3, a.StrongCount(), "Go's handle and C's two units")
	cgotoken.Publish("x")
	require.Equal(t, 3, a.StrongCount(), "a callback borrows and gives back: C's units are untouched")
	require.Equal(t, []string{"x", "x"}, (*a.Get()).Received, "both subscriptions were called")
	a.Drop()
	require.Equal(t, 2, w.StrongCount(), "Go let go; C's units keep the Listener alive")
	cgotoken.Publish("y")
	cgotoken.Close()
	require.Equal(t, 1, closed, "the last unit C gave back ran the cleanup, once")
	require.Zero(t, w.StrongCount(), "the Listener is gone (I2)")
	w.Drop()
	require.Equal(t, before, rc.LiveAllocations(), "nothing leaks (I5)")
}

func TestAFullLoopGivesTheUnitBack(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	l := rc.New(&cgotoken.Listener{Name: "many"})
	for i := range 8 {
		require.True(t, cgotoken.Subscribe(&l), "subscription %d of 8 fits", i+1)
	}
	require.False(t, cgotoken.Subscribe(&l), "the ninth does not fit")
	require.Equal(t, 9, l.StrongCount(), "the refused subscription's unit came back: Go's handle and 8 units")
	cgotoken.Close()
	require.Equal(t, 1, l.StrongCount(), "C gave back all 8 units")
	l.Drop()
}
