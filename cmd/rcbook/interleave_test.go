package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestInterleaveHelpShowsItsUsage(t *testing.T) {
	out, code := runLine(t, "help lab interleave")
	assert.Equal(t, 0, code, "asking for help is no error")
	assert.True(t, strings.HasPrefix(out, "usage: rcbook lab interleave [-bound B]"), out)
	assert.Contains(t, out, "-replay", "the help says how to replay a schedule")
}

func TestInterleaveRefusesAReplayItCannotPlace(t *testing.T) {
	for line, want := range map[string]string{
		"lab interleave -replay arc":                  "-replay wants PACKAGE:SCENARIO:SCHEDULE",
		"lab interleave -replay pool:x:0":             `no package "pool"`,
		"lab interleave -mutant nope -replay arc:x:0": `no concurrent mutant "nope"`,
	} {
		out, code := runLine(t, line)
		assert.NotEqual(t, 0, code, "`rcbook %s` fails", line)
		assert.Contains(t, out, want, "`rcbook %s` says what is wrong before building anything", line)
	}
}
