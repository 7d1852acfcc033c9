//go:build !rcmutant

package faults

// Enabled reports whether faults can be switched on: only with -tags rcmutant.
const Enabled = false

// Active reports whether f is switched on. Without -tags rcmutant it is
// always false.
func Active(Fault) bool { return false }
