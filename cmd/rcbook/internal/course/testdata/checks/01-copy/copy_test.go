package copied

import (
	"testing"

	"github.com/rcbook/rcbook/rc"
)

func TestShareKeepsTheValue(t *testing.T) {
	a := rc.New(7)
	b := Share(&a)
	if *b.Get() != 7 {
		t.Fatalf("the shared value is %d, want 7", *b.Get())
	}
	a.Drop()
}
