package leak

import "github.com/rcbook/rcbook/rc"

// Lose allocates a value and forgets its handle without Drop.
func Lose() {
	h := rc.New(1)
	_ = h.Get()
}
