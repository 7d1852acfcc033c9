package weak_test

import (
	"fmt"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/weak"
)

// Downgrade and Upgrade change the counts one step at a time. WeakCount never
// shows the implicit weak, and reads 0 once no strong handle is left, but the
// allocation lives until the last Weak goes.
func ExampleDowngrade() {
	base := rc.LiveAllocations()
	a := rc.New("v")
	fmt.Printf("New:        strong=%d weak=%d allocations=%d\n", a.StrongCount(), a.WeakCount(), rc.LiveAllocations()-base)
	w := weak.Downgrade(&a)
	show := func(step string) {
		fmt.Printf("%-11s strong=%d weak=%d allocations=%d\n", step, w.StrongCount(), w.WeakCount(), rc.LiveAllocations()-base)
	}
	show("Downgrade:")
	b := a.Clone()
	show("Clone:")
	u, _ := w.Upgrade()
	show("Upgrade:")
	u.Drop()
	b.Drop()
	show("Drop x2:")
	a.Drop()
	show("Drop last:")
	_, ok := w.Upgrade()
	fmt.Println("Upgrade ok:", ok)
	w.Drop()
	fmt.Println("Weak Drop:  allocations =", rc.LiveAllocations()-base)
	// Output:
	// New:        strong=1 weak=0 allocations=1
	// Downgrade:  strong=1 weak=1 allocations=1
	// Clone:      strong=2 weak=1 allocations=1
	// Upgrade:    strong=3 weak=1 allocations=1
	// Drop x2:    strong=1 weak=1 allocations=1
	// Drop last:  strong=0 weak=0 allocations=1
	// Upgrade ok: false
	// Weak Drop:  allocations = 0
}

// A dangling Weak points at nothing: weak.New and the zero Weak alike. It
// allocates nothing, never upgrades, and may be cloned and dropped.
func ExampleNew() {
	base := rc.LiveAllocations()
	d := weak.New[int]()
	var z weak.Weak[int] // the zero value is dangling too
	_, ok := d.Upgrade()
	fmt.Println("Upgrade ok:", ok)
	fmt.Println("counts:", d.StrongCount(), d.WeakCount())
	c := z.Clone()
	fmt.Println("all dangling Weaks are PtrEq:", weak.PtrEq(&d, &z), weak.PtrEq(&c, &z))
	fmt.Println("allocations made:", rc.LiveAllocations()-base)
	c.Drop()
	z.Drop()
	d.Drop()
	// Output:
	// Upgrade ok: false
	// counts: 0 0
	// all dangling Weaks are PtrEq: true true
	// allocations made: 0
}

// closer is a value with a destructor.
type closer struct{ name string }

func (c *closer) Drop() { fmt.Println("destructor:", c.name) }

// A Weak keeps the allocation alive, not the value: the destructor runs at
// the last strong Drop, and the allocation is freed at the last Weak Drop.
func ExampleWeak_Drop() {
	base := rc.LiveAllocations()
	a := rc.New(closer{"log"})
	w := weak.Downgrade(&a)
	fmt.Println("last strong Drop:")
	a.Drop()
	fmt.Println("allocations:", rc.LiveAllocations()-base)
	fmt.Println("last Weak Drop:")
	w.Drop()
	fmt.Println("allocations:", rc.LiveAllocations()-base)
	// Output:
	// last strong Drop:
	// destructor: log
	// allocations: 1
	// last Weak Drop:
	// allocations: 0
}

// mirror holds a Weak to its own allocation.
type mirror struct{ self weak.Weak[mirror] }

// Drop tries to reach its own value through the Weak. Strong is already 0.
func (m *mirror) Drop() {
	_, ok := m.self.Upgrade()
	fmt.Println("Upgrade inside the destructor:", ok)
	fmt.Println("strong count seen from the Weak:", m.self.StrongCount())
	m.self.Drop() // the implicit weak still holds the allocation
}

// Upgrade fails from the moment strong reaches 0, even inside the value's
// own destructor: a value being dropped is never handed out again.
func ExampleWeak_Upgrade_fromDestructor() {
	base := rc.LiveAllocations()
	a := rc.New(mirror{})
	a.Get().self = weak.Downgrade(&a)
	a.Drop()
	fmt.Println("allocations after the last Drop:", rc.LiveAllocations()-base)
	// Output:
	// Upgrade inside the destructor: false
	// strong count seen from the Weak: 0
	// allocations after the last Drop: 0
}
