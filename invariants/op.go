package invariants

// Op names a public operation, so an error can say which package and which
// call went wrong. It is a small integer to keep the hot paths cheap.
type Op uint8

// The operations of packages rc, weak and pool.
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
	RcHeader // the internal bridge between rc and weak
	PoolNewPool
	PoolNew
	PoolNewWithCleanup
	PoolDefault
	PoolFill
	PoolSize
	PoolMaxSize
)

// adds says which count an operation increments, for overflow messages.
type adds uint8

const (
	addsNothing adds = iota
	addsStrong
	addsWeak
)

var opNames = [...]struct {
	pkg, name string
	adds      adds
}{
	RcNew:              {"rc", "New", addsNothing},
	RcClone:            {"rc", "Clone", addsStrong},
	RcMove:             {"rc", "Move", addsNothing},
	RcDrop:             {"rc", "Drop", addsNothing},
	RcGet:              {"rc", "Get", addsNothing},
	RcGetMut:           {"rc", "GetMut", addsNothing},
	RcMakeMut:          {"rc", "MakeMut", addsNothing},
	RcTryUnwrap:        {"rc", "TryUnwrap", addsNothing},
	RcIntoInner:        {"rc", "IntoInner", addsNothing},
	RcStrongCount:      {"rc", "StrongCount", addsNothing},
	RcWeakCount:        {"rc", "WeakCount", addsNothing},
	WeakDowngrade:      {"weak", "Downgrade", addsWeak},
	WeakNewCyclic:      {"weak", "NewCyclic", addsNothing},
	WeakUpgrade:        {"weak", "Upgrade", addsStrong},
	WeakClone:          {"weak", "Clone", addsWeak},
	WeakMove:           {"weak", "Move", addsNothing},
	WeakDrop:           {"weak", "Drop", addsNothing},
	WeakStrongCount:    {"weak", "StrongCount", addsNothing},
	WeakWeakCount:      {"weak", "WeakCount", addsNothing},
	RcHeader:           {"rc", "Header", addsNothing},
	PoolNewPool:        {"pool", "NewPool", addsNothing},
	PoolNew:            {"pool", "New", addsNothing},
	PoolNewWithCleanup: {"pool", "NewWithCleanup", addsNothing},
	PoolDefault:        {"pool", "Default", addsNothing},
	PoolFill:           {"pool", "Fill", addsNothing},
	PoolSize:           {"pool", "Size", addsNothing},
	PoolMaxSize:        {"pool", "MaxSize", addsNothing},
}

// Package returns the package the operation belongs to: "rc", "weak" or
// "pool".
func (o Op) Package() string { return opNames[o].pkg }

// Name returns the operation's name as the API spells it, e.g. "Clone".
func (o Op) Name() string { return opNames[o].name }

// viaStrong reports whether the operation goes through a strong handle,
// which may only exist while the value is alive (I2).
func (o Op) viaStrong() bool { return o.Package() == "rc" || o == WeakDowngrade }

func (o Op) adds() adds { return opNames[o].adds }

// String returns "pkg.Name", e.g. "rc.Clone".
func (o Op) String() string { return o.Package() + "." + o.Name() }
