package invariants_test

import (
	"errors"
	"io/fs"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/rcbook/rcbook/invariants"
)

func TestCleanupErrorNamesTheDropAndWrapsTheError(t *testing.T) {
	err := error(&invariants.CleanupError{Op: invariants.ArcDrop, Err: fs.ErrClosed})
	assert.Equal(t, "arc: Drop: cleanup failed: file already closed (Close returns this error instead of panicking)", err.Error(),
		"the message names package and operation, the cause, and the call that returns it instead")
	assert.ErrorIs(t, err, fs.ErrClosed, "errors.Is sees the cleanup's error through Unwrap")
	var ce *invariants.CleanupError
	assert.True(t, errors.As(err, &ce), "errors.As finds the CleanupError")
}

func TestEverySpentHasANameAndAProblem(t *testing.T) {
	seen := map[string]bool{}
	for s := invariants.Never; s <= invariants.Raw; s++ {
		assert.NotEmpty(t, s.String(), "Spent(%d) needs a name for printing a handle", s)
		assert.NotEmpty(t, s.Problem(), "Spent(%d) needs a problem for a refusal", s)
		assert.False(t, seen[s.String()], "Spent(%d)'s name %q is taken", s, s.String())
		seen[s.String()] = true
	}
}
