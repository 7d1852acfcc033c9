package invariants

// Op names a public operation, so an error can say which package and which
// call went wrong. It is a small integer to keep the hot paths cheap.
type Op uint8

// The operations of packages rc and weak.
const (
	RcNew Op = iota
	RcClone
	RcMove
	RcDrop
	RcGet
	RcGetMut
	RcMakeMut
	RcTryUnwrap
	RcIntoInner
	RcStrongCount
	RcWeakCount
	WeakDowngrade
	WeakNewCyclic
	WeakUpgrade
	WeakClone
	WeakMove
	WeakDrop
	WeakStrongCount
	WeakWeakCount
)

var opNames = [...]struct{ pkg, name string }{
	RcNew:           {"rc", "New"},
	RcClone:         {"rc", "Clone"},
	RcMove:          {"rc", "Move"},
	RcDrop:          {"rc", "Drop"},
	RcGet:           {"rc", "Get"},
	RcGetMut:        {"rc", "GetMut"},
	RcMakeMut:       {"rc", "MakeMut"},
	RcTryUnwrap:     {"rc", "TryUnwrap"},
	RcIntoInner:     {"rc", "IntoInner"},
	RcStrongCount:   {"rc", "StrongCount"},
	RcWeakCount:     {"rc", "WeakCount"},
	WeakDowngrade:   {"weak", "Downgrade"},
	WeakNewCyclic:   {"weak", "NewCyclic"},
	WeakUpgrade:     {"weak", "Upgrade"},
	WeakClone:       {"weak", "Clone"},
	WeakMove:        {"weak", "Move"},
	WeakDrop:        {"weak", "Drop"},
	WeakStrongCount: {"weak", "StrongCount"},
	WeakWeakCount:   {"weak", "WeakCount"},
}

// Package returns the package the operation belongs to: "rc" or "weak".
func (o Op) Package() string { return opNames[o].pkg }

// Name returns the operation's name as the API spells it, e.g. "Clone".
func (o Op) Name() string { return opNames[o].name }

// String returns "pkg.Name", e.g. "rc.Clone".
func (o Op) String() string { return o.Package() + "." + o.Name() }
