//go:build !solution

package broken

// Name returns the exercise's name. The stub returns a number where a
// string is due, so it does not compile: a broken stub.
func Name() string {
	return 42
}
