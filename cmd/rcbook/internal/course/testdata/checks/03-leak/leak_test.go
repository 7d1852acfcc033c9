package leak

import (
	"testing"

	"github.com/rcbook/rcbook/rctest"
)

func TestLoseLeaksNothing(t *testing.T) {
	rctest.VerifyNoLeaks(t)
	Lose()
}

func TestTheReportsAreLogged(t *testing.T) {
	for _, report := range rctest.Leaks(Lose) {
		t.Log(report)
	}
}
