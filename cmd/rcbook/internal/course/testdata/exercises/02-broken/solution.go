//go:build solution

package broken

// Name returns the exercise's name.
func Name() string {
	return "broken"
}
