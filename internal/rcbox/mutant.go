package rcbox

import "github.com/rcbook/rcbook/internal/faults"

// Mutant reports whether the verification lab has switched on fault f. In
// normal builds faults.Enabled is the constant false, so `if Mutant(...)`
// and its branch compile to nothing: the lab's broken variants are the real
// header with one line changed, and cost the real header nothing.
func Mutant(f faults.Fault) bool { return faults.Enabled && faults.Active(f) }
