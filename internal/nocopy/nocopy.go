// Package nocopy holds the marker that makes go vet report a copied handle.
package nocopy

// NoCopy is the first field of every rcbook handle (rc.Rc, rc.Weak, arc.Arc,
// arc.Weak, refcount's references, rcmap's handles) and of rc.Pool. Its
// pointer has Lock and Unlock methods (*NoCopy is a sync.Locker, NoCopy is
// not), which is what `go vet`'s copylocks check looks for: it reports any
// statement that copies a value containing it, such as b := a, b := <-ch,
// b := m[k], passing a handle by value, or ranging over a slice of handles
// by value. A call's result is never reported. A copy would share what the
// handle owns without counting itself, so handles are duplicated with Clone
// and transferred with Move. It is zero-sized and costs nothing.
type NoCopy struct{}

// Lock is a no-op that marks NoCopy for go vet's copylocks check.
func (*NoCopy) Lock() {}

// Unlock is a no-op that marks NoCopy for go vet's copylocks check.
func (*NoCopy) Unlock() {}
