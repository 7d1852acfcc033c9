package rc_test

import (
	"errors"
	"fmt"
	"unsafe"

	"github.com/rcbook/rcbook/invariants"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/weak"
)

// GetMut refuses while a Weak exists, even with one strong handle: the Weak
// could upgrade at any time and read the value being written.
func ExampleRc_GetMut() {
	a := rc.New(10)
	w := weak.Downgrade(&a)
	_, ok := a.GetMut()
	fmt.Println("strong 1, one Weak: GetMut ok:", ok)
	b, _ := w.Upgrade() // what the Weak may do at any moment
	fmt.Println("the upgraded handle reaches the same value:", b.Get() == a.Get())
	b.Drop()
	w.Drop()
	p, ok := a.GetMut()
	fmt.Println("strong 1, no Weak: GetMut ok:", ok)
	*p = 11
	fmt.Println("value:", *a.Get())
	a.Drop()
	// Output:
	// strong 1, one Weak: GetMut ok: false
	// the upgraded handle reaches the same value: true
	// strong 1, no Weak: GetMut ok: true
	// value: 11
}

// With only a Weak beside it, MakeMut moves the value to a new allocation
// and leaves the Weak behind; once the handle is unique, it works in place.
func ExampleRc_MakeMut_onlyWeaks() {
	base := rc.LiveAllocations()
	clone := func(s string) string { fmt.Println("clone called"); return s }
	a := rc.New("draft")
	w := weak.Downgrade(&a)

	p := a.MakeMut(clone) // a Weak exists: move, no clone
	*p = "edited"
	_, ok := w.Upgrade()
	fmt.Println("moved: the Weak upgrades:", ok, "allocations:", rc.LiveAllocations()-base)
	w.Drop()
	fmt.Println("the Weak dropped: allocations:", rc.LiveAllocations()-base)

	before := a.Get()
	p = a.MakeMut(clone) // unique: in place, no clone, no allocation
	fmt.Println("unique: in place:", p == before, "value:", *p)
	a.Drop()
	// Output:
	// moved: the Weak upgrades: false allocations: 2
	// the Weak dropped: allocations: 1
	// unique: in place: true value: edited
}

// TryUnwrap needs only strong == 1: a Weak may exist, and afterwards it
// finds the value gone.
func ExampleRc_TryUnwrap() {
	a := rc.New("payload")
	b := a.Clone()
	w := weak.Downgrade(&a)
	_, ok := a.TryUnwrap()
	fmt.Println("strong 2: ok:", ok, "a still owns a share:", !a.IsEmpty())
	b.Drop()
	v, ok := a.TryUnwrap()
	fmt.Println("strong 1, one Weak: ok:", ok, "value:", v, "a is empty:", a.IsEmpty())
	_, ok = w.Upgrade()
	fmt.Println("the Weak upgrades:", ok)
	w.Drop()
	// Output:
	// strong 2: ok: false a still owns a share: true
	// strong 1, one Weak: ok: true value: payload a is empty: true
	// the Weak upgrades: false
}

// TryUnwrap copies the value out of the allocation: its cost is the size of
// T, which for a slice is its 24-byte header, not the elements.
func ExampleRc_TryUnwrap_copies() {
	big := rc.New([4096]byte{'x'})
	inside := &big.Get()[0]
	v, _ := big.TryUnwrap()
	fmt.Println("bytes moved for [4096]byte:", unsafe.Sizeof(v), "a copy:", &v[0] != inside)
	small := rc.New(make([]byte, 4096))
	elems := &(*small.Get())[0]
	s, _ := small.TryUnwrap()
	fmt.Println("bytes moved for []byte:", unsafe.Sizeof(s), "same elements:", &s[0] == elems)
	// Output:
	// bytes moved for [4096]byte: 4096 a copy: true
	// bytes moved for []byte: 24 same elements: true
}

// Every owner calls IntoInner; exactly one of them, the last, gets the value.
func ExampleRc_IntoInner() {
	owners := []rc.Rc[string]{rc.New("token")}
	owners = append(owners, owners[0].Clone(), owners[0].Clone())
	for _, i := range []int{2, 0, 1} {
		v, ok := owners[i].IntoInner()
		fmt.Printf("owner %d: ok=%v value=%q\n", i, ok, v)
	}
	// Output:
	// owner 2: ok=false value=""
	// owner 0: ok=false value=""
	// owner 1: ok=true value="token"
}

// A clone function that drops, moves or replaces the handle MakeMut runs on
// is refused before any count changes.
func ExampleRc_MakeMut_cloneTouchesTheHandle() {
	a := rc.New("orig")
	other := a.Clone()
	defer func() {
		var err *invariants.Error
		if errors.As(recover().(error), &err) {
			fmt.Println(err)
		}
		fmt.Println("other: strong", other.StrongCount(), "value", *other.Get())
		other.Drop()
	}()
	a.MakeMut(func(s string) string {
		a.Drop() // the handle MakeMut is working on
		return s
	})
	// Output:
	// rc: MakeMut: the clone function dropped, moved or replaced the handle
	// other: strong 1 value orig
}
