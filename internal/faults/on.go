//go:build rcmutant

package faults

// Enabled reports whether faults can be switched on: only with -tags rcmutant.
const Enabled = true

var active Fault

// Active reports whether f is switched on.
func Active(f Fault) bool { return active == f }

// Set switches f on, and every other fault off; Set("") turns all off. It
// exists only in -tags rcmutant builds, and is not safe for concurrent use.
func Set(f Fault) { active = f }
