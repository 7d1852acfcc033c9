package done

import (
	"testing"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

func TestShareCounts(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	a := rc.New(7)
	b := Share(&a)
	if a.StrongCount() != 2 {
		t.Fatalf("strong count %d, want 2", a.StrongCount())
	}
	a.Drop()
	b.Drop()
}
