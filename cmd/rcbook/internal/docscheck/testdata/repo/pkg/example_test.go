package pkg

import "fmt"

func ExampleBox() {
	fmt.Println("one")
	fmt.Println("  two")
	// Output:
	// one
	//   two
}
