//go:build !solution

//lint:file-ignore U1000 the stubs do not use the header yet: writing them is the exercise

package capstone

// box is one allocation: the header and the value side by side. Add fields
// if you need more.
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

// New allocates value in a new box and returns its first strong handle:
// strong 1, and WeakCount 0 (the raw weak count is 1, the implicit weak, I4).
// LiveAllocations goes up by one.
func New[T any](value T) Rc[T] {
	panic("TODO: New: allocate a box with strong 1 and the implicit weak, and count it as live")
}

// NewWithCleanup is New with a cleanup: when the value drops, cleanup(value)
// runs, then the value's own Drop method if it has one (runDestructor).
func NewWithCleanup[T any](value T, cleanup func(T)) Rc[T] {
	panic("TODO: NewWithCleanup: New, keeping cleanup in the box")
}

// LiveAllocations returns how many boxes were allocated and not yet freed.
// A box is freed exactly when strong + weak reaches 0 (I3, I5).
func LiveAllocations() int {
	panic("TODO: LiveAllocations: count boxes up in New, down when one is freed")
}

// Clone returns another strong handle to r's value: strong + 1.
func (r *Rc[T]) Clone() Rc[T] {
	panic("TODO: Rc.Clone: add a strong handle")
}

// Move returns a handle that owns r's share and leaves r empty. No count
// changes.
func (r *Rc[T]) Move() Rc[T] {
	panic("TODO: Rc.Move: hand the box over and empty r")
}

// Drop gives up r's share and leaves r empty: strong − 1. The last one
// (strong 1 → 0) drops the value with runDestructor, then releases the
// implicit weak, which frees the box if no Weak remains (I2, I4, I5). If the
// destructor panics, the drop must still finish, and the panic goes on to
// the caller.
func (r *Rc[T]) Drop() {
	panic("TODO: Rc.Drop: strong − 1; the last one drops the value, then the implicit weak")
}

// Get returns a pointer to the value.
func (r *Rc[T]) Get() *T {
	panic("TODO: Rc.Get: point at the value in the box")
}

// StrongCount returns the number of strong handles, r included.
func (r *Rc[T]) StrongCount() int {
	panic("TODO: Rc.StrongCount")
}

// WeakCount returns the number of Weak handles: the implicit weak is not
// one of them (I4).
func (r *Rc[T]) WeakCount() int {
	panic("TODO: Rc.WeakCount: the raw count without the implicit weak")
}

// IsEmpty reports whether r owns nothing: the zero Rc, or an Rc that was
// dropped, moved or consumed.
func (r *Rc[T]) IsEmpty() bool {
	panic("TODO: Rc.IsEmpty")
}

// PtrEq reports whether r and other point at the same box. Two empty
// handles are equal.
func (r *Rc[T]) PtrEq(other *Rc[T]) bool {
	panic("TODO: Rc.PtrEq: compare the boxes")
}

// Downgrade returns a new Weak to r's box: weak + 1, strong unchanged.
func (r *Rc[T]) Downgrade() Weak[T] {
	panic("TODO: Rc.Downgrade: add a Weak handle")
}

// Dangling returns a Weak to nothing: it never upgrades, and its counts are
// 0. It allocates nothing.
func Dangling[T any]() Weak[T] {
	panic("TODO: Dangling: a Weak with no box")
}

// Upgrade returns a new strong handle and true while the value is alive
// (strong > 0): strong + 1. Otherwise it returns an empty Rc and false, and
// changes nothing: a dropped value never comes back (I7).
func (w *Weak[T]) Upgrade() (Rc[T], bool) {
	panic("TODO: Weak.Upgrade: strong + 1 only if strong > 0")
}

// Clone returns another Weak to w's box (weak + 1), or another dangling
// Weak if w is dangling.
func (w *Weak[T]) Clone() Weak[T] {
	panic("TODO: Weak.Clone: add a Weak handle")
}

// Move returns a Weak that takes w's place and leaves w dangling. No count
// changes.
func (w *Weak[T]) Move() Weak[T] {
	panic("TODO: Weak.Move: hand the box over")
}

// Drop gives up w: weak − 1, freeing the box if that was its last owner of
// any kind (I3, I5). Dropping a dangling Weak does nothing.
func (w *Weak[T]) Drop() {
	panic("TODO: Weak.Drop: weak − 1; free the box at 0")
}

// StrongCount returns the number of strong handles: 0 if w is dangling or
// the value is gone.
func (w *Weak[T]) StrongCount() int {
	panic("TODO: Weak.StrongCount")
}

// WeakCount returns the number of Weak handles, w included, without the
// implicit weak (I4): 0 if w is dangling or no strong handle remains.
func (w *Weak[T]) WeakCount() int {
	panic("TODO: Weak.WeakCount")
}

// PtrEq reports whether w and other point at the same box. Two dangling
// Weaks are equal.
func (w *Weak[T]) PtrEq(other *Weak[T]) bool {
	panic("TODO: Weak.PtrEq: compare the boxes")
}

// GetMut returns a pointer for writing only if r is the one way to reach
// the value: strong 1 and no Weak (I6). Otherwise it returns nil and false.
func (r *Rc[T]) GetMut() (*T, bool) {
	panic("TODO: Rc.GetMut: unique means strong 1 and raw weak 1")
}

// MakeMut returns a pointer for writing to a value r alone owns, copying
// only when it must:
//
//   - other strong handles exist: clone(value) goes into a new box that r
//     points at from now on; the others keep the original (strong − 1);
//   - only Weaks exist: the value moves to a new box, neither cloned nor
//     dropped; the old box is left to the Weaks, which no longer upgrade;
//   - r is unique (I6): the value is written in place.
//
// The new box keeps the cleanup.
func (r *Rc[T]) MakeMut(clone func(T) T) *T {
	panic("TODO: Rc.MakeMut: clone on write, in three cases")
}

// TryUnwrap takes the value out if r is the only strong handle (Weaks may
// exist): r becomes empty, strong 1 → 0 without running the destructor or
// the cleanup, then the implicit weak is released. Otherwise it returns the
// zero T and false and r is unchanged.
func (r *Rc[T]) TryUnwrap() (T, bool) {
	panic("TODO: Rc.TryUnwrap: move the value out of the last strong handle")
}

// IntoInner always consumes r: as TryUnwrap if r is the last strong handle,
// otherwise strong − 1 and the zero T and false.
func (r *Rc[T]) IntoInner() (T, bool) {
	panic("TODO: Rc.IntoInner: TryUnwrap, or else Drop")
}

// NewCyclic allocates a value that holds a Weak to its own box. build gets
// that Weak on loan before the value exists: strong is 0 inside build, so
// the Weak cannot upgrade (I7), and build may clone it or move it into the
// value. When build returns, the value is stored and strong becomes 1. If
// build panics, no value exists and no destructor runs: the box is freed
// unless a Weak escaped, and the panic goes on.
func NewCyclic[T any](build func(self *Weak[T]) T) Rc[T] {
	panic("TODO: NewCyclic: a box with strong 0, then build, then strong 1")
}
