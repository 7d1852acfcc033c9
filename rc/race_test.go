package rc_test

import (
	"testing"

	"github.com/rcbook/rcbook/rctest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Rc is not safe for concurrent use. Go has no Send/Sync to refuse sharing
// an Rc across goroutines at compile time, so the race detector is the
// guard: this test runs a small program that shares one Rc between two
// goroutines under -race and expects the report.
func TestRaceDetectorCatchesAnRcSharedAcrossGoroutines(t *testing.T) {
	out, err := rctest.RunGo(t, "run", "-race", "./rc/testdata/racy")
	require.Error(t, err, "the race detector must fail the program; output:\n%s", out)
	assert.Contains(t, out, "WARNING: DATA RACE",
		"two goroutines cloning and dropping one Rc write its strong count concurrently")
	assert.Contains(t, out, "rc.(*box[", "the race is on the header's counts")
}
