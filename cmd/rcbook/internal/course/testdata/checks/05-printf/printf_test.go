package printf

import "testing"

func TestGreet(t *testing.T) {
	if Greet("x") == "" {
		t.Fatal("Greet must say something")
	}
}
