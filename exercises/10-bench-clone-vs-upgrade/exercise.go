//go:build !solution

package benchupgrade

import "testing"

// CloneDrop measures one Clone and one Drop of a strong handle, with
// b.Loop. The handle it clones is made before the loop and dropped after.
func CloneDrop(b *testing.B) {
	panic("TODO: make an Rc, then in a b.Loop() loop Clone it and Drop the clone")
}

// UpgradeDrop measures one Upgrade of a Weak and one Drop of the strong
// handle it returns, with b.Loop. The value stays alive throughout, so
// every Upgrade succeeds.
func UpgradeDrop(b *testing.B) {
	panic("TODO: make an Rc and a Weak to it, then in a b.Loop() loop Upgrade the Weak and Drop the result")
}

// Faster returns Clone or Upgrade: the operation you measured as faster
// with `go test -bench . -benchmem`.
func Faster() string {
	panic("TODO: run the benchmarks, then return Clone or Upgrade")
}
