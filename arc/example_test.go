package arc_test

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/rcbook/rcbook/arc"
)

// conn stands for any resource that must be closed exactly once.
type conn struct {
	name    string
	queries atomic.Int32
}

func (c *conn) query()       { c.queries.Add(1) }
func (c *conn) Close()       { fmt.Printf("closed %s after %d queries\n", c.name, c.queries.Load()) }
func newConn(n string) *conn { return &conn{name: n} }

// Each goroutine gets its own clone, moved into it through a pointer. The
// connection closes when the last of them lets go, on whichever goroutine
// that is, and after every query: each Drop orders what came before it.
func ExampleNewWithCleanup() {
	db := arc.NewWithCleanup(newConn("db"), (*conn).Close)
	var wg sync.WaitGroup
	for range 3 {
		mine := new(arc.Arc[*conn])
		*mine = db.Clone()
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer mine.Drop()
			(*mine.Get()).query()
		}()
	}
	db.Drop() // the goroutines' clones keep the connection open
	wg.Wait()
	// Output:
	// closed db after 3 queries
}

// When every owner calls IntoInner, exactly one gets the value back,
// whatever the order the goroutines run in.
func ExampleArc_IntoInner() {
	a := arc.New([]string{"result"})
	var got atomic.Int32
	var wg sync.WaitGroup
	for range 4 {
		mine := new(arc.Arc[[]string])
		*mine = a.Clone()
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, ok := mine.IntoInner(); ok {
				got.Add(1)
			}
		}()
	}
	// main is an owner too: if it dropped its handle instead, the four
	// goroutines could all call IntoInner first, each see another owner
	// left, and the value would go to no one but the destructor.
	if _, ok := a.IntoInner(); ok {
		got.Add(1)
	}
	wg.Wait()
	fmt.Println("owners that got the value:", got.Load())
	// Output:
	// owners that got the value: 1
}

// A Weak observes without owning: Upgrade works while an owner remains,
// and never after the value is gone.
func ExampleWeak_Upgrade() {
	a := arc.New("config v1")
	w := arc.Downgrade(&a)
	if r, ok := w.Upgrade(); ok {
		fmt.Println("upgraded:", *r.Get(), "owners:", r.StrongCount())
		r.Drop()
	}
	a.Drop()
	_, ok := w.Upgrade()
	fmt.Println("after the last owner:", ok)
	w.Drop()
	// Output:
	// upgraded: config v1 owners: 2
	// after the last owner: false
}

// GetMut lends the value for writing only while no other handle, strong or
// Weak, on any goroutine, could reach it.
func ExampleArc_GetMut() {
	a := arc.New(1)
	w := arc.Downgrade(&a)
	_, ok := a.GetMut()
	fmt.Println("with a Weak around:", ok)
	w.Drop()
	p, ok := a.GetMut()
	*p = 2
	fmt.Println("alone:", ok, *a.Get())
	a.Drop()
	// Output:
	// with a Weak around: false
	// alone: true 2
}
