package broken

import "testing"

func TestName(t *testing.T) {
	if Name() != "broken" {
		t.Fatal(`Name() must be "broken"`)
	}
}
