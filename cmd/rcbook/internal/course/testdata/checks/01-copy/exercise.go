package copied

import "github.com/rcbook/rcbook/rc"

// Share returns another owner of r's value, but copies the handle instead
// of cloning it.
func Share(r *rc.Rc[int]) rc.Rc[int] {
	h := *r
	return h
}
