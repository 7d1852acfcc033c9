package lifetimes_test

import (
	"fmt"
	"runtime"
	"strings"
	"time"
	"unique"
	"weak"
)

// blob is big enough to have an allocation of its own. The runtime may
// batch pointer-free objects of 16 bytes or less into one slot, and a weak
// pointer or a cleanup on such an object may never fire.
type blob [64]byte

// A weak.Pointer does not keep its value alive. Once no ordinary pointer
// reaches the value, a collection may clear the weak pointer, and Value
// returns nil. When that happens is the collector's choice; runtime.GC
// forces a collection here.
func Example_weakPointer() {
	b := &blob{}
	w := weak.Make(b)
	fmt.Println("while b is in use:", w.Value() == b)
	runtime.KeepAlive(b) // b is reachable up to here, and not after
	runtime.GC()
	fmt.Println("after a collection:", w.Value() == nil)
	// Output:
	// while b is in use: true
	// after a collection: true
}

// unique.Make keeps one canonical copy of equal values: the handles of two
// equal strings are equal, and comparing handles compares two pointers.
func Example_unique() {
	region := "eu-west-1"
	built := strings.Join([]string{"eu", "west", "1"}, "-") // equal, but another string
	a, b := unique.Make(region), unique.Make(built)
	fmt.Println("same handle:", a == b)
	fmt.Println("value:", b.Value())
	// Output:
	// same handle: true
	// value: eu-west-1
}

// conn stands for a Go object that wraps an operating-system resource.
type conn struct {
	name string
	fd   int
}

// runtime.AddCleanup runs its function some time after the object becomes
// unreachable, on a goroutine of the runtime's, with an argument that must
// not reach the object. KeepAlive marks the last point where the object
// must stay reachable; after it, a collection may find the object
// unreachable and queue the cleanup.
func Example_addCleanup() {
	closed := make(chan int, 1)
	c := &conn{name: "db", fd: 7}
	runtime.AddCleanup(c, func(fd int) { closed <- fd }, c.fd)
	fmt.Println("using", c.name)
	runtime.KeepAlive(c) // without it, c may be unreachable as soon as c.name is read
	runtime.GC()
	select {
	case fd := <-closed:
		fmt.Println("a cleanup closed fd", fd)
	case <-time.After(10 * time.Second):
		fmt.Println("no cleanup yet: the runtime promises none")
	}
	// Output:
	// using db
	// a cleanup closed fd 7
}
