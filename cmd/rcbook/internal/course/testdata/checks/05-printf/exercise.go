package printf

import "fmt"

// Greet greets name.
func Greet(name string) string {
	return fmt.Sprintf("hello %d", name)
}
