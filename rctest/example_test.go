//go:build !rcrelease

package rctest_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"

	"github.com/rcbook/rcbook/cell"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/rctest"
)

// node holds a strong handle to its neighbour: two of them pointing at
// each other form a cycle that reference counting alone never frees.
type node struct {
	name string
	next rc.Rc[cell.RefCell[node]]
}

// Rust reports a leaked cycle only under Miri or LeakSanitizer. Go's
// collector can tell by itself: it reclaims the cycle, and rcbook reports
// the allocations that were never freed, with the line that made them.
func ExampleLeaks() {
	reports := rctest.Leaks(func() {
		a := rc.New(cell.New(node{name: "a"}))
		b := rc.New(cell.New(node{name: "b"}))
		g := a.Get().BorrowMut()
		g.Get().next = b.Clone() // a -> b
		g.Release()
		g = b.Get().BorrowMut()  // b is shared now: written through its mutable borrow
		g.Get().next = a.Clone() // b -> a: a cycle
		g.Release()
		fmt.Println("strong counts:", a.StrongCount(), b.StrongCount())
		a.Drop()
		b.Drop()
		fmt.Println("after dropping both: each is still owned by the other")
	})
	site := regexp.MustCompile(`at (\S+):(\d+)`)
	var sites []string
	for _, r := range reports {
		m := site.FindStringSubmatch(r)
		sites = append(sites, filepath.Base(m[1])+":"+m[2])
	}
	slices.Sort(sites) // by line, so that the output does not depend on the report order
	for _, s := range sites {
		fmt.Println("leak reported at", s)
	}
	// Output:
	// strong counts: 2 2
	// after dropping both: each is still owned by the other
	// leak reported at example_test.go:28
	// leak reported at example_test.go:29
}
