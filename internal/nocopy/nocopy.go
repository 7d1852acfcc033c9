// Package nocopy holds the marker that makes go vet report a copied handle.
package nocopy

// NoCopy is the first field of every rcbook handle (rc.Rc, rc.Weak, arc.Arc,
// arc.Weak, refcount's references, rcmap's handles) and of rc.Pool. It has
// Lock and Unlock methods, so `go vet` (its copylocks check) reports any
// statement that copies a value containing it: b := a, passing a handle by
// value, ranging over a slice of handles by value. A copy would share what
// the handle owns without counting itself, so handles are duplicated with
// Clone and transferred with Move. It is zero-sized and costs nothing.
type NoCopy struct{}

// Lock is a no-op that marks NoCopy for go vet's copylocks check.
func (*NoCopy) Lock() {}

// Unlock is a no-op that marks NoCopy for go vet's copylocks check.
func (*NoCopy) Unlock() {}
