// Command demo tells a short story with package eventbus: two subscribers
// share a topic, a message reaches both, one leaves, and the topic is
// removed when the other leaves too. Its output is pinned by Example in
// main_test.go.
//
//	go run ./examples/eventbus/cmd/demo
package main

import (
	"context"
	"fmt"

	"github.com/rcbook/rcbook/examples/eventbus"
)

func main() {
	bus := eventbus.New()
	ctx := context.Background()

	alice, _ := bus.Subscribe(ctx, "news")
	fmt.Printf("alice subscribes to news: topics=%d subscribers=%d\n", bus.Topics(), bus.Subscribers("news"))
	bob, _ := bus.Subscribe(ctx, "news")
	fmt.Printf("bob subscribes to news: topics=%d subscribers=%d\n", bus.Topics(), bus.Subscribers("news"))

	fmt.Printf("publish %q: delivered to %d\n", "hello", bus.Publish("news", "hello"))
	fmt.Printf("alice got %q\n", <-alice.C())
	fmt.Printf("bob got %q\n", <-bob.C())

	alice.Close()
	fmt.Printf("alice leaves: topics=%d subscribers=%d\n", bus.Topics(), bus.Subscribers("news"))
	fmt.Printf("publish %q: delivered to %d\n", "bye", bus.Publish("news", "bye"))
	fmt.Printf("bob got %q\n", <-bob.C())

	bob.Close() // the last subscriber: the topic is removed
	fmt.Printf("bob leaves: topics=%d\n", bus.Topics())
	fmt.Printf("publish %q: delivered to %d\n", "anyone?", bus.Publish("news", "anyone?"))
}
