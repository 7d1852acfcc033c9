package weak_test

import (
	"fmt"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/weak"
)

// A Weak observes a value without keeping it alive.
func ExampleWeak_Upgrade() {
	strong := rc.New("config")
	w := weak.Downgrade(&strong)
	if s, ok := w.Upgrade(); ok {
		fmt.Println("alive:", *s.Get(), "strong:", s.StrongCount())
		s.Drop()
	}
	strong.Drop() // the last strong handle: the value is dropped
	_, ok := w.Upgrade()
	fmt.Println("after the last Drop, upgrade ok:", ok)
	w.Drop() // the last owner of the allocation: it is freed
	// Output:
	// alive: config strong: 2
	// after the last Drop, upgrade ok: false
}

// NewCyclic gives a value a Weak to itself while it is being built.
func ExampleNewCyclic() {
	type node struct {
		name string
		self weak.Weak[node]
	}
	n := weak.NewCyclic(func(self *weak.Weak[node]) node {
		fmt.Println("strong count inside build:", self.StrongCount())
		return node{name: "root", self: self.Clone()}
	})
	me, _ := n.Get().self.Upgrade()
	fmt.Println(me.Get().name, "points to itself:", rc.PtrEq(&n, &me))
	me.Drop()
	n.Get().self.Drop()
	n.Drop()
	// Output:
	// strong count inside build: 0
	// root points to itself: true
}
