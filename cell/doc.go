// Package cell is Rust's RefCell rebuilt in Go: a value with a borrow flag,
// so that the rule "shared xor mutable" is checked when the program runs.
//
// Rust's compiler enforces that a value is either read through any number
// of shared references or written through exactly one mutable reference,
// never both at once. An Rc shares its value, so Rust's Rc hands out only
// shared references; to change a value several Rcs own, Rust puts a
// RefCell inside: Rc<RefCell<T>>. The RefCell keeps a count of its live
// borrows and refuses, at run time, the borrow that would break the rule.
//
// Go's compiler enforces neither half: any *T can be written through at
// any time. rc.Rc.Get hands out a *T that is meant to be read, and nothing
// stops a program from writing through it while another part of the
// program reads. A RefCell makes the rule checkable in Go too:
//
//	r := rc.New(cell.New(node))          // rc.Rc[cell.RefCell[Node]]
//	g := r.Get().BorrowMut()             // the one writer, until Release
//	g.Get().children = append(...)
//	g.Release()
//
// Borrow returns a Ref (a shared borrow), BorrowMut a RefMut (the exclusive
// one); each is released exactly once with Release. A borrow that would
// break the rule panics with an *invariants.Error citing B1 ("cell:
// BorrowMut: already borrowed: 1 shared borrow is live (B1)"); TryBorrow
// and TryBorrowMut report false instead. Using a guard after its Release,
// or releasing it twice, panics citing B2. The rules are
// invariants.BorrowRules.
//
// What Go cannot check, the caller must keep: write only through a RefMut,
// and drop the pointers Get returned when the guard is released. Guards and
// cells carry a no-copy marker, so go vet reports a copied one: a copy
// would be a second release of one borrow, or a second borrow flag for one
// value.
//
// A RefCell is not safe for concurrent use, like Rust's, which is not Sync.
// Across goroutines, sync.RWMutex or rwlock.RwLock is the same rule with
// waiting instead of refusing (chapter 13).
package cell
