package properties

import (
	"testing"

	"github.com/rcbook/rcbook/rctest"

	"github.com/rcbook/rcbook/invariants/model"
	"pgregory.net/rapid"
)

// TestModel runs the harness's state machine against rc and weak.
func TestModel(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	rapid.Check(t, model.Machine(Impl{}))
}

// FuzzModel is the same property driven by Go's coverage-guided fuzzer.
func FuzzModel(f *testing.F) {
	f.Fuzz(rapid.MakeFuzz(model.Machine(Impl{})))
}
