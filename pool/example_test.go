package pool_test

import (
	"fmt"

	"github.com/rcbook/rcbook/pool"
)

// A freed allocation's header goes back to its pool, and the next New takes
// it out again instead of allocating.
func ExampleNew() {
	p := pool.NewPool[string](2, nil)
	a := pool.New(p, "first")
	fmt.Println(*a.Get(), "- pool size:", p.Size())
	a.Drop() // freed: the header returns to the pool
	fmt.Println("dropped - pool size:", p.Size())
	b := pool.New(p, "second") // reuses that header
	fmt.Println(*b.Get(), "- pool size:", p.Size())
	b.Drop()
	// Output:
	// first - pool size: 0
	// dropped - pool size: 1
	// second - pool size: 0
}

// With a reset hook, Default hands out the storage the previous value left
// behind: here a buffer's backing array, truncated by reset.
func ExampleDefault() {
	buffers := pool.NewPool(4, func(b *[]byte) { *b = (*b)[:0] })
	a := pool.Default(buffers)
	buf, _ := a.GetMut()
	*buf = append(make([]byte, 0, 64), "hello"...)
	fmt.Println("first:  len", len(*a.Get()), "cap", cap(*a.Get()))
	a.Drop()
	b := pool.Default(buffers) // the same buffer, reset
	fmt.Println("second: len", len(*b.Get()), "cap", cap(*b.Get()))
	b.Drop()
	// Output:
	// first:  len 5 cap 64
	// second: len 0 cap 64
}

// Fill prepares the pool in advance, so the next MaxSize calls to New
// allocate nothing.
func ExamplePool_Fill() {
	p := pool.NewPool[int](3, nil)
	p.Fill()
	fmt.Println("size", p.Size(), "of", p.MaxSize())
	r := pool.New(p, 7)
	fmt.Println("after New:", p.Size())
	r.Drop()
	fmt.Println("after Drop:", p.Size())
	// Output:
	// size 3 of 3
	// after New: 2
	// after Drop: 3
}

// A pool of maximum size 0, like the zero Pool, keeps nothing: every New
// allocates, exactly like rc.New.
func ExampleNewPool_null() {
	p := pool.NewPool[int](0, nil)
	r := pool.New(p, 1)
	r.Drop()
	fmt.Println("size", p.Size(), "of", p.MaxSize())
	// Output:
	// size 0 of 0
}
