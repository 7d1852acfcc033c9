package panics

import "testing"

func TestPick(t *testing.T) {
	if Pick([]string{"a"}, 3) != "a" {
		t.Fatal("wrong name")
	}
}
