//go:build rcrelease

package invariants

// Enabled reports whether the header checks are compiled in. It is a constant,
// so `if invariants.Enabled { ... }` costs nothing in a -tags rcrelease build.
const Enabled = false
