//go:build !unix

package benchmarks

import "time"

// processCPU is not available here; the CPU metrics are then not reported.
func processCPU() (time.Duration, bool) { return 0, false }
