package eventbus_test

import (
	"context"
	"fmt"

	"github.com/rcbook/rcbook/examples/eventbus"
)

// A subscriber that does not read misses messages instead of holding up
// the publisher: a message that finds its buffer full is dropped for that
// subscriber alone and counted in its Dropped. What it buffered before
// stays readable after it leaves.
func ExampleSubscription_Dropped() {
	bus := eventbus.NewWithBuffer(2)
	slow, _ := bus.Subscribe(context.Background(), "news")
	fast, _ := bus.Subscribe(context.Background(), "news")
	for i := 1; i <= 4; i++ {
		delivered := bus.Publish("news", i)
		fmt.Println("publish", i, "delivered to", delivered, "- fast got", <-fast.C())
	}
	fmt.Println("dropped: slow", slow.Dropped(), "fast", fast.Dropped())
	slow.Close()
	for msg := range slow.C() {
		fmt.Println("slow got", msg)
	}
	fast.Close()
	fmt.Println("topics:", bus.Topics())
	// Output:
	// publish 1 delivered to 2 - fast got 1
	// publish 2 delivered to 2 - fast got 2
	// publish 3 delivered to 1 - fast got 3
	// publish 4 delivered to 1 - fast got 4
	// dropped: slow 2 fast 0
	// slow got 1
	// slow got 2
	// topics: 0
}
