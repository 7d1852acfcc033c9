package done

import "github.com/rcbook/rcbook/rc"

// Share returns another owner of r's value.
func Share(r *rc.Rc[int]) rc.Rc[int] {
	return r.Clone()
}
