package rcmap_test

import (
	"fmt"

	"github.com/rcbook/rcbook/rcmap"
)

// Two subscribers share one topic; the topic goes away with the second.
func Example() {
	topics := rcmap.New(func(name string, _ []string) { fmt.Println("removed topic", name) })
	alice, created := topics.Acquire("news", func() []string { return nil })
	fmt.Println("created:", created, "count:", topics.Count("news"))
	bob, created := topics.Acquire("news", func() []string { return nil })
	fmt.Println("created:", created, "count:", topics.Count("news"))
	alice.Release()
	fmt.Println("topics:", topics.Len())
	bob.Release()
	fmt.Println("topics:", topics.Len())
	// Output:
	// created: true count: 1
	// created: false count: 2
	// topics: 1
	// removed topic news
	// topics: 0
}
