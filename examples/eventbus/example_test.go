package eventbus_test

import (
	"context"
	"fmt"

	"github.com/rcbook/rcbook/examples/eventbus"
)

// A subscription ends when its context is cancelled.
func ExampleBus_Subscribe() {
	bus := eventbus.New()
	ctx, cancel := context.WithCancel(context.Background())
	s, _ := bus.Subscribe(ctx, "news")
	bus.Publish("news", "first")
	cancel()
	for msg := range s.C() { // C is closed when the subscription leaves
		fmt.Println(msg)
	}
	fmt.Println("topics:", bus.Topics())
	// Output:
	// first
	// topics: 0
}
