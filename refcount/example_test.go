package refcount_test

import (
	"context"
	"fmt"

	"github.com/rcbook/rcbook/refcount"
)

// Shared references count; the exclusive one waits for them, and a refused
// try leaves the count alone.
func Example() {
	var c refcount.RefCount
	a, _ := c.TryAcquire()
	b, _ := c.TryAcquire()
	fmt.Println("shared:", c.Count())

	_, ok := c.TryAcquireExclusive()
	fmt.Println("exclusive while shared are held:", ok, "- shared still:", c.Count())

	a.Release()
	b.Release()
	x, err := c.AcquireExclusive(context.Background())
	fmt.Println("exclusive once they are released:", err == nil, "- shared:", c.Count())
	x.Release()
	// Output:
	// shared: 2
	// exclusive while shared are held: false - shared still: 2
	// exclusive once they are released: true - shared: 0
}

// A waiter gives up when its context is done, and leaves the queue.
func ExampleRefCount_Acquire() {
	var c refcount.RefCount
	x, _ := c.TryAcquireExclusive()

	ctx, cancel := context.WithCancel(context.Background())
	cancel() // a context already done: Acquire will not wait
	_, err := c.Acquire(ctx)
	fmt.Println(err)

	x.Release()
	r, err := c.Acquire(context.Background())
	fmt.Println(err, c.Count())
	r.Release()
	// Output:
	// context canceled
	// <nil> 1
}
