package rcbox

// NoCopy is embedded as the first field of every handle. It has Lock and
// Unlock methods, so `go vet` (its copylocks check) reports any statement
// that copies a handle: b := a, passing a handle by value, ranging over a
// slice of handles by value. A copy would share the header without counting
// itself, so handles must be duplicated with Clone and transferred with Move.
type NoCopy struct{}

// Lock is a no-op that marks NoCopy for go vet's copylocks check.
func (*NoCopy) Lock() {}

// Unlock is a no-op that marks NoCopy for go vet's copylocks check.
func (*NoCopy) Unlock() {}
