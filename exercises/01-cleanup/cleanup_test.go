package cleanup

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

func TestTheFileStaysOpenWhileAnyOwnerRemains(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	a := Open("app.log")
	f := *a.Get()
	b := Share(&a)
	require.Equal(t, 2, a.StrongCount(), "Share must add an owner: both handles count, so strong is 2 "+
		"(a copy such as `return *r` shares the file without counting it; go vet reports it)")
	Release(&a)
	require.Zero(t, f.Closes, "one owner is left, so the file must still be open: only the last release closes it")
	Release(&b)
	require.Equal(t, 1, f.Closes, "the last owner released the file: its cleanup must have closed it, exactly once")
}

func TestASingleOwnerClosesOnRelease(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	a := Open("solo.log")
	f := *a.Get()
	require.Equal(t, "solo.log", f.Name, "Open must keep the name it was given")
	Release(&a)
	require.Equal(t, 1, f.Closes, "with one owner, releasing it is the last release: the file must be closed once")
	require.True(t, a.IsEmpty(), "a released handle is empty: Release must Drop it, not just close the file")
}

func TestManyOwnersCloseOnce(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	first := Open("shared.log")
	f := *first.Get()
	owners := []rc.Rc[*FakeFile]{}
	for range 10 {
		owners = append(owners, Share(&first))
	}
	require.Equal(t, 11, first.StrongCount(), "Open made one owner and Share ten more: every owner counts")
	Release(&first)
	for i := range owners {
		require.Zero(t, f.Closes, "owner %d of 10 still holds the file: it must not be closed yet", i)
		Release(&owners[i])
	}
	require.Equal(t, 1, f.Closes, "eleven owners, one close: the count decides, not the number of releases")
}
