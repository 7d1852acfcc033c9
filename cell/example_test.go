package cell_test

import (
	"context"
	"fmt"
	"runtime"

	"github.com/rcbook/rcbook/cell"
	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/refcount"
)

// panicMessage runs f and returns what it panicked with, or "no panic".
func panicMessage(f func()) (msg string) {
	defer func() {
		if p := recover(); p != nil {
			msg = fmt.Sprint(p)
		}
	}()
	f()
	return "no panic"
}

// Two owners of one value, as Rust's Rc<RefCell<Vec<i32>>>: either may
// change it, one writer at a time, and a writer is refused while anyone
// reads. docs/rust/interior_mutability.rs prints the same four lines first.
func Example() {
	shared := rc.New(cell.New([]int{1}))
	other := shared.Clone()
	w := other.Get().BorrowMut() // through either owner, one writer at a time
	*w.Get() = append(*w.Get(), 2)
	w.Release()
	r := shared.Get().Borrow()
	fmt.Println(*r.Get())
	r.Release()

	r1 := shared.Get().Borrow()
	r2 := other.Get().Borrow()
	fmt.Println("two readers:", len(*r1.Get()), "and", len(*r2.Get()))
	if w, ok := shared.Get().TryBorrowMut(); ok {
		fmt.Println("a writer now: granted")
		w.Release()
	} else {
		fmt.Println("a writer now: refused, the value is being read")
	}
	r1.Release()
	r2.Release()
	if w, ok := shared.Get().TryBorrowMut(); ok {
		fmt.Println("a writer after the readers: granted")
		w.Release()
	}
	other.Drop()
	shared.Drop()
	// Output:
	// [1 2]
	// two readers: 2 and 2
	// a writer now: refused, the value is being read
	// a writer after the readers: granted
}

// The borrow flag: 0 when nothing is borrowed, the number of Refs while
// any are live, "mutable" while the one RefMut is.
func ExampleRefCell_Borrows() {
	c := cell.New("v")
	show := func(when string) {
		shared, mutably := c.Borrows()
		fmt.Printf("%-22s shared %d, mutably %v\n", when+":", shared, mutably)
	}
	show("new")
	a, b := c.Borrow(), c.Borrow()
	show("two Refs")
	a.Release()
	b.Release()
	show("both released")
	m := c.BorrowMut()
	show("one RefMut")
	m.Release()
	show("released")
	// Output:
	// new:                   shared 0, mutably false
	// two Refs:              shared 2, mutably false
	// both released:         shared 0, mutably false
	// one RefMut:            shared 0, mutably true
	// released:              shared 0, mutably false
}

// B1, shared xor mutable: a borrow that would break it panics with an
// *invariants.Error naming the operation, the borrows in the way and the
// rule, and changes nothing.
func ExampleRefCell_BorrowMut() {
	c := cell.New(0)
	r1, r2 := c.Borrow(), c.Borrow()
	fmt.Println(panicMessage(func() { c.BorrowMut() }))
	fmt.Println(panicMessage(func() { c.Replace(1) }))
	r1.Release()
	r2.Release()

	m := c.BorrowMut()
	fmt.Println(panicMessage(func() { c.Borrow() }))
	fmt.Println(panicMessage(func() { c.BorrowMut() }))
	*m.Get() = 7
	m.Release()
	fmt.Println("replaced:", c.Replace(8))
	// Output:
	// cell: BorrowMut: already borrowed: 2 shared borrows are live (B1)
	// cell: Replace: already borrowed: 2 shared borrows are live (B1)
	// cell: Borrow: already mutably borrowed: a RefMut is live (B1)
	// cell: BorrowMut: already mutably borrowed: a RefMut is live (B1)
	// replaced: 7
}

// TryBorrow and TryBorrowMut ask instead of insisting: false, and the zero
// guard, where Borrow and BorrowMut would panic. The flag is unchanged.
func ExampleRefCell_TryBorrowMut() {
	c := cell.New([]string{"etc"})
	r := c.Borrow()
	_, ok := c.TryBorrowMut()
	shared, _ := c.Borrows()
	fmt.Println("a writer beside a reader:", ok, "- shared still:", shared)
	r2, ok := c.TryBorrow()
	fmt.Println("a second reader:", ok)
	r2.Release()
	r.Release()

	m, _ := c.TryBorrowMut()
	_, ok = c.TryBorrow()
	fmt.Println("a reader beside the writer:", ok)
	m.Release()
	// Output:
	// a writer beside a reader: false - shared still: 1
	// a second reader: true
	// a reader beside the writer: false
}

// B2, borrow accounting: a guard is released exactly once and not used
// after. The zero guard a refused Try returns never held a borrow.
func ExampleRef_Release() {
	c := cell.New(0)
	r := c.Borrow()
	r.Release()
	fmt.Println(panicMessage(r.Release))
	fmt.Println(panicMessage(func() { r.Get() }))

	m := c.BorrowMut()
	refused, _ := c.TryBorrow()
	fmt.Println(panicMessage(refused.Release))
	m.Release()
	fmt.Println(panicMessage(m.Release))
	// Output:
	// cell: Ref.Release: borrow already released (B2)
	// cell: Ref.Get: borrow already released (B2)
	// cell: Ref.Release: zero guard: it never held a borrow (a refused TryBorrow returns one) (B2)
	// cell: RefMut.Release: borrow already released (B2)
}

// What the cell cannot see. Writing through a Ref's pointer, and keeping a
// pointer after Release, break the rule without a panic: the flag counts
// guards, not pointers.
func Example_unchecked() {
	c := cell.New(1)
	r := c.Borrow()
	*r.Get() = 2 // wrong: a Ref is for reading
	p := r.Get()
	r.Release()
	fmt.Println("wrote through a Ref:", *p)

	m := c.BorrowMut() // granted: the flag says nobody reads
	*m.Get() = 3
	fmt.Println("the pointer kept past Release sees the writer's change:", *p)
	m.Release()
	// Output:
	// wrote through a Ref: 2
	// the pointer kept past Release sees the writer's change: 3
}

// file is a value with a destructor.
type file struct{ name string }

func (f *file) Drop() { fmt.Println("closed", f.name) }

// In an rc.Rc the cell is the value: the last Drop calls the RefCell's Drop,
// which passes the drop on to the value inside. A cell dropped while a
// guard is live refuses (B2): the guard would outlive the value.
func ExampleRefCell_Drop() {
	a := rc.New(cell.New(file{name: "log"}))
	b := a.Clone()
	m := b.Get().BorrowMut()
	m.Get().name = "log.1"
	m.Release()
	a.Drop()
	fmt.Println("one owner left")
	b.Drop()

	c := cell.New(file{name: "tmp"})
	r := c.Borrow()
	fmt.Println(panicMessage(c.Drop))
	r.Release()
	c.Drop()
	// Output:
	// one owner left
	// closed log.1
	// cell: Drop: dropped while borrowed: a guard outlived the value (B2)
	// closed tmp
}

// refcount.RefCount keeps the same two-sided rule as a RefCell's flag, for
// goroutines: where the RefCell refuses a conflicting borrow, RefCount
// queues it, and hands it over when the conflict ends.
func Example_waitInsteadOfRefuse() {
	c := cell.New("v")
	var count refcount.RefCount
	r := c.Borrow()
	ref, _ := count.TryAcquire()
	_, cellOK := c.TryBorrowMut()
	_, countOK := count.TryAcquireExclusive()
	fmt.Println("a writer beside a reader: RefCell", cellOK, "- RefCount", countOK)
	fmt.Println(panicMessage(func() { c.BorrowMut() }))

	done := make(chan struct{})
	go func() {
		x, _ := count.AcquireExclusive(context.Background()) // waits for the reader
		fmt.Println("the writer is in; shared:", count.Count())
		x.Release()
		close(done)
	}()
	newReader := func() bool {
		extra, ok := count.TryAcquire()
		if ok {
			extra.Release()
		}
		return ok
	}
	for newReader() { // until the writer is queued: from then on a new reader is refused
		runtime.Gosched()
	}
	fmt.Println("a new reader, with the writer queued:", newReader())
	fmt.Println("the reader leaves")
	ref.Release()
	r.Release()
	<-done
	// Output:
	// a writer beside a reader: RefCell false - RefCount false
	// cell: BorrowMut: already borrowed: 1 shared borrow is live (B1)
	// a new reader, with the writer queued: false
	// the reader leaves
	// the writer is in; shared: 0
}
