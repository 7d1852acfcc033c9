//go:build solution

package capstone

// box is one allocation: the header and the value side by side.
type box[T any] struct {
	strong  int     // Rc handles
	weak    int     // Weak handles, plus 1 implicit weak while strong > 0 (I4)
	cleanup func(T) // NewWithCleanup's cleanup, or nil
	value   T       // alive exactly while strong > 0 (I2)
	freed   bool    // set when strong + weak reaches 0; nothing may touch the box after (I5)
}

// Rc is a strong handle. The zero Rc is empty: it owns nothing.
type Rc[T any] struct {
	b *box[T] // nil when empty
}

// Weak is a weak handle. The zero Weak is dangling: it points at nothing.
type Weak[T any] struct {
	b *box[T] // nil when dangling, dropped or moved
}

// live counts the boxes allocated and not yet freed.
var live int

func newBox[T any](value T, cleanup func(T)) *box[T] {
	live++
	// weak starts at 1, not 0: the implicit weak, owned by all the strong
	// handles together, keeps the box alive while any of them does (I4).
	return &box[T]{strong: 1, weak: 1, cleanup: cleanup, value: value}
}

// check panics if b was freed. Go's collector keeps a freed box in memory
// for any handle still pointing at it, so without this flag a use after
// free would go unnoticed (I5).
func (b *box[T]) check(op string) {
	if b.freed {
		panic("capstone: " + op + ": use after free (I5)")
	}
}

// releaseWeak gives back one unit of weak, a Weak's or the implicit one,
// and frees the box when none is left (I3, I5).
func (b *box[T]) releaseWeak() {
	b.check("release weak")
	b.weak--
	if b.weak == 0 {
		b.freed = true
		live--
	}
}

// dropSlow runs when strong has just reached 0. Upgrade already fails (I7);
// now the value drops, exactly once (I2), and only then is the implicit
// weak released (I4). The other order would let a destructor that drops a
// Weak to its own box free that box while the destructor is still running.
// The release is deferred so that it happens even if the destructor panics.
func (b *box[T]) dropSlow() {
	defer b.releaseWeak()
	defer b.clear()
	runDestructor(&b.value, b.cleanup)
}

// moveOut ends the value's life in b without dropping it: strong 1 → 0 and
// the implicit weak is released (I4). The caller owns the value and cleanup.
func (b *box[T]) moveOut() (T, func(T)) {
	value, cleanup := b.value, b.cleanup
	b.strong = 0
	b.clear()
	b.releaseWeak()
	return value, cleanup
}

// clear forgets the value, so that a box kept alive by Weaks holds nothing.
func (b *box[T]) clear() {
	b.check("drop the value")
	var zero T
	b.value, b.cleanup = zero, nil
}

// New allocates value in a new box and returns its first strong handle.
func New[T any](value T) Rc[T] { return Rc[T]{newBox(value, nil)} }

// NewWithCleanup is New with a cleanup that runs when the value drops.
func NewWithCleanup[T any](value T, cleanup func(T)) Rc[T] {
	return Rc[T]{newBox(value, cleanup)}
}

// LiveAllocations returns how many boxes were allocated and not yet freed.
func LiveAllocations() int { return live }

// header returns r's box, and panics if r is empty.
func (r *Rc[T]) header(op string) *box[T] {
	if r.b == nil {
		panic("capstone: Rc." + op + " on an empty handle (dropped, moved or consumed)")
	}
	r.b.check("Rc." + op)
	return r.b
}

// Clone returns another strong handle to r's value: strong + 1.
func (r *Rc[T]) Clone() Rc[T] {
	b := r.header("Clone")
	b.strong++
	return Rc[T]{b}
}

// Move returns a handle that owns r's share and leaves r empty.
func (r *Rc[T]) Move() Rc[T] {
	b := r.header("Move")
	r.b = nil
	return Rc[T]{b}
}

// Drop gives up r's share and leaves r empty: strong − 1.
func (r *Rc[T]) Drop() {
	b := r.header("Drop")
	r.b = nil // before the destructor, which may look at handles
	b.strong--
	if b.strong == 0 {
		b.dropSlow()
	}
}

// Get returns a pointer to the value.
func (r *Rc[T]) Get() *T { return &r.header("Get").value }

// StrongCount returns the number of strong handles, r included.
func (r *Rc[T]) StrongCount() int { return r.header("StrongCount").strong }

// WeakCount returns the number of Weak handles, without the implicit weak (I4).
func (r *Rc[T]) WeakCount() int { return r.header("WeakCount").weak - 1 }

// IsEmpty reports whether r owns nothing.
func (r *Rc[T]) IsEmpty() bool { return r.b == nil }

// PtrEq reports whether r and other point at the same box.
func (r *Rc[T]) PtrEq(other *Rc[T]) bool { return r.b == other.b }

// Downgrade returns a new Weak to r's box: weak + 1.
func (r *Rc[T]) Downgrade() Weak[T] {
	b := r.header("Downgrade")
	b.weak++
	return Weak[T]{b}
}

// Dangling returns a Weak to nothing.
func Dangling[T any]() Weak[T] { return Weak[T]{} }

// header returns w's box, nil if w is dangling, and panics if the box was
// freed.
func (w *Weak[T]) header(op string) *box[T] {
	if w.b != nil {
		w.b.check("Weak." + op)
	}
	return w.b
}

// Upgrade returns a new strong handle and true while strong > 0 (I7).
func (w *Weak[T]) Upgrade() (Rc[T], bool) {
	b := w.header("Upgrade")
	if b == nil || b.strong == 0 {
		return Rc[T]{}, false // dangling, or the value is gone: never resurrect it
	}
	b.strong++
	return Rc[T]{b}, true
}

// Clone returns another Weak to w's box: weak + 1.
func (w *Weak[T]) Clone() Weak[T] {
	b := w.header("Clone")
	if b != nil {
		b.weak++
	}
	return Weak[T]{b}
}

// Move returns a Weak that takes w's place and leaves w dangling.
func (w *Weak[T]) Move() Weak[T] {
	b := w.b
	w.b = nil
	return Weak[T]{b}
}

// Drop gives up w: weak − 1, freeing the box at 0.
func (w *Weak[T]) Drop() {
	if b := w.header("Drop"); b != nil {
		w.b = nil
		b.releaseWeak()
	}
}

// StrongCount returns the number of strong handles, 0 if dangling.
func (w *Weak[T]) StrongCount() int {
	if b := w.header("StrongCount"); b != nil {
		return b.strong
	}
	return 0
}

// WeakCount returns the number of Weak handles: 0 if dangling or no strong
// handle remains, since the implicit weak is then gone as well (I4).
func (w *Weak[T]) WeakCount() int {
	if b := w.header("WeakCount"); b != nil && b.strong > 0 {
		return b.weak - 1
	}
	return 0
}

// PtrEq reports whether w and other point at the same box.
func (w *Weak[T]) PtrEq(other *Weak[T]) bool { return w.b == other.b }

// GetMut returns a pointer for writing only if strong is 1 and no Weak
// exists (I6). Strong 1 alone is not enough: a Weak could upgrade and read
// the value while the caller writes it.
func (r *Rc[T]) GetMut() (*T, bool) {
	b := r.header("GetMut")
	if b.strong != 1 || b.weak != 1 {
		return nil, false
	}
	return &b.value, true
}

// MakeMut returns a pointer for writing to a value r alone owns, cloning
// or moving it to a new box first if it must.
func (r *Rc[T]) MakeMut(clone func(T) T) *T {
	b := r.header("MakeMut")
	switch {
	case b.strong != 1: // others share the value: clone it for r
		r.b = newBox(clone(b.value), b.cleanup)
		b.strong-- // r's share of the original goes: an ordinary drop
		if b.strong == 0 {
			b.dropSlow() // clone dropped the other owners: the original was r's alone
		}
	case b.weak != 1: // only Weaks: move the value away from them
		r.b = newBox(b.moveOut())
	}
	return &r.b.value
}

// TryUnwrap takes the value out if r is the only strong handle.
func (r *Rc[T]) TryUnwrap() (T, bool) {
	b := r.header("TryUnwrap")
	if b.strong != 1 {
		var zero T
		return zero, false
	}
	r.b = nil
	value, _ := b.moveOut() // the caller owns the value: no cleanup
	return value, true
}

// IntoInner consumes r: TryUnwrap if r is the last strong handle, else Drop.
func (r *Rc[T]) IntoInner() (T, bool) {
	if v, ok := r.TryUnwrap(); ok {
		return v, true
	}
	r.Drop() // strong ≥ 2: the value lives on
	var zero T
	return zero, false
}

// NewCyclic allocates a value that holds a Weak to its own box.
func NewCyclic[T any](build func(self *Weak[T]) T) Rc[T] {
	live++
	// strong 0: nothing upgrades before the value exists (I7). weak 2: the
	// Weak lent to build, and the implicit weak reserved now (I4), so that
	// build cannot free the box by dropping or moving its Weak.
	b := &box[T]{weak: 2}
	self := Weak[T]{b}
	built := false
	defer func() {
		self.Drop() // the loan ends; nothing to do if build moved it away
		if !built {
			b.releaseWeak() // no value, no destructor: give the reserved unit back
		}
	}()
	b.value = build(&self)
	b.strong = 1
	built = true
	return Rc[T]{b}
}
