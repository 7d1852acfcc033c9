package rc_test

import (
	"bytes"
	"fmt"

	"github.com/rcbook/rcbook/rc"
)

// bufferPool lends out buffers and takes them back. It stands for any pool
// of things that are expensive to make or limited in number: connections,
// GPU buffers, cgo handles.
type bufferPool struct {
	free []*bytes.Buffer // buffers ready to lend
	made int             // buffers allocated so far
}

// lend returns a buffer wrapped in an Rc whose cleanup gives it back: the
// buffer returns to the pool when the last owner drops its handle.
func (p *bufferPool) lend() rc.Rc[*bytes.Buffer] {
	var buf *bytes.Buffer
	if n := len(p.free); n > 0 {
		buf, p.free = p.free[n-1], p.free[:n-1]
	} else {
		buf = new(bytes.Buffer)
		p.made++
	}
	return rc.NewWithCleanup(buf, p.giveBack)
}

// giveBack is the cleanup: here "clean up" means "reset and return to the
// pool", not "free".
func (p *bufferPool) giveBack(buf *bytes.Buffer) {
	buf.Reset()
	p.free = append(p.free, buf)
}

// A pooled buffer shared by a writer and a reader goes back to the pool at
// the moment the second of them lets go, and the next loan reuses it.
func ExampleNewWithCleanup_pool() {
	pool := &bufferPool{}

	msg := pool.lend()
	(*msg.Get()).WriteString("hello")
	reader := msg.Clone() // a second owner, with a lifetime of its own

	msg.Drop()
	fmt.Println("writer done, buffers in the pool:", len(pool.free))
	fmt.Println("reader sees:", (*reader.Get()).String())
	reader.Drop()
	fmt.Println("reader done, buffers in the pool:", len(pool.free))

	next := pool.lend()
	fmt.Println("buffers made:", pool.made, "next loan is empty:", (*next.Get()).Len() == 0)
	next.Drop()
	// Output:
	// writer done, buffers in the pool: 0
	// reader sees: hello
	// reader done, buffers in the pool: 1
	// buffers made: 1 next loan is empty: true
}
